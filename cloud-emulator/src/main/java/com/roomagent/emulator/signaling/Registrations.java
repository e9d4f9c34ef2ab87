package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.protocol.signaling.Registration;
import com.roomagent.protocol.signaling.SignalingMessage;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices registered for signaling (docs/signaling.md): at most one registration per device,
 * each with the events it holds until the device acknowledges them (a bounded replay buffer) and
 * the event channel currently serving it. In memory: after a restart every device registers again.
 *
 * <p>Thread-safe: every method synchronizes on this store (the await methods wait on it). Sends to
 * a channel happen under the lock, so events leave in sequence order; a {@link Channel}'s send must
 * not block. Closes happen outside it: Java-WebSocket calls {@link #detach} holding the socket's
 * lock, so closing a socket under this lock could deadlock.
 */
public final class Registrations {
    /** How many unacknowledged events a registration holds; older ones are dropped (and logged). */
    public static final int REPLAY_BUFFER_EVENTS = 256;

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a registration's messages go: one event channel. */
    interface Channel {
        /** Queues {@code message} for sending; never blocks. */
        void send(SignalingMessage message);

        /** Closes the channel with a WebSocket close code (RFC 6455 section 7.4). */
        void close(int code, String reason);
    }

    private final Map<String, Entry> byDevice = new LinkedHashMap<>();
    private final Map<String, Integer> issuedByDevice = new LinkedHashMap<>();
    private final Set<String> silenced = new HashSet<>();

    /**
     * Registers {@code deviceId}, replacing (never duplicating) its previous registration, whose
     * channel is closed and whose held events are dropped.
     */
    public Registration register(String deviceId, URI eventChannelUrl) {
        Channel replacedChannel = null;
        Registration registration;
        synchronized (this) {
            Entry previous = byDevice.remove(deviceId);
            if (previous != null) {
                replacedChannel = previous.channel;
            }
            registration = create(deviceId, eventChannelUrl, previous);
        }
        // Closed outside the lock: Java-WebSocket calls back into detach() holding the socket's own
        // lock, so closing under ours could deadlock.
        if (replacedChannel != null) {
            replacedChannel.close(4409, "replaced by a new registration");
        }
        return registration;
    }

    private Registration create(String deviceId, URI eventChannelUrl, Entry previous) {
        byte[] id = new byte[8];
        byte[] token = new byte[24];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(token);
        Registration registration = new Registration(
                "reg-" + HexFormat.of().formatHex(id),
                deviceId,
                eventChannelUrl,
                Base64.getUrlEncoder().withoutPadding().encodeToString(token));
        byDevice.put(deviceId, new Entry(registration));
        issuedByDevice.merge(deviceId, 1, Integer::sum);
        log.info(
                "registration.created device={} registration={} replaced={}",
                deviceId,
                registration.registrationId(),
                previous == null ? "-" : previous.registration.registrationId());
        notifyAll();
        return registration;
    }

    /**
     * Attaches {@code channel}, whose client certificate names {@code deviceId}, to the registration
     * {@code hello} names: answers {@code welcome} and replays every held event after {@code
     * hello.lastEventSeq()}, or answers an error. A previous channel of the same registration is
     * closed.
     *
     * @return true when attached; false when {@code channel} got an error and should be closed
     */
    boolean attach(String deviceId, SignalingMessage.Hello hello, Channel channel, int heartbeatSeconds) {
        List<Channel> replaced = new ArrayList<>(1);
        boolean attached;
        synchronized (this) {
            attached = attachLocked(deviceId, hello, channel, heartbeatSeconds, replaced);
        }
        // Not under the lock (see register): a close callback of that socket takes it.
        replaced.forEach(older -> older.close(4409, "replaced by a newer channel of the same registration"));
        return attached;
    }

    private boolean attachLocked(
            String deviceId,
            SignalingMessage.Hello hello,
            Channel channel,
            int heartbeatSeconds,
            List<Channel> replaced) {
        Entry entry = byDevice.get(deviceId);
        if (entry == null || !entry.registration.registrationId().equals(hello.registrationId())) {
            boolean elsewhere = byDevice.values().stream()
                    .anyMatch(other -> other.registration.registrationId().equals(hello.registrationId()));
            channel.send(
                    elsewhere
                            ? new SignalingMessage.Error(
                                    SignalingMessage.Error.FORBIDDEN,
                                    "registration " + hello.registrationId() + " is not device " + deviceId + "'s")
                            : new SignalingMessage.Error(
                                    SignalingMessage.Error.UNKNOWN_REGISTRATION,
                                    "registration " + hello.registrationId()
                                            + " is unknown or replaced; register again"));
            return false;
        }
        if (!entry.registration.resumeToken().equals(hello.resumeToken())) {
            channel.send(new SignalingMessage.Error(
                    SignalingMessage.Error.UNKNOWN_REGISTRATION,
                    "the resume token does not match registration " + hello.registrationId() + "; register again"));
            return false;
        }
        if (entry.channel != null) {
            replaced.add(entry.channel);
        }
        entry.channel = channel;
        acknowledge(entry, hello.lastEventSeq());
        boolean resumed = entry.channels > 0;
        entry.channels++;
        channel.send(new SignalingMessage.Welcome(
                entry.registration.registrationId(), resumed, entry.held.size(), heartbeatSeconds));
        for (SignalingMessage.Event event : entry.held) {
            channel.send(event);
        }
        log.info(
                "channel.attached device={} registration={} resumed={} lastEventSeq={} replayed={}",
                deviceId,
                entry.registration.registrationId(),
                resumed,
                hello.lastEventSeq(),
                entry.held.size());
        notifyAll();
        return true;
    }

    /** Forgets {@code channel} if it still serves {@code deviceId}'s registration. */
    synchronized void detach(String deviceId, Channel channel) {
        Entry entry = byDevice.get(deviceId);
        if (entry != null && entry.channel == channel) {
            entry.channel = null;
            notifyAll();
        }
    }

    /** The device acknowledged every event up to {@code seq}. */
    synchronized void acknowledge(String deviceId, long seq) {
        Entry entry = byDevice.get(deviceId);
        if (entry != null) {
            acknowledge(entry, seq);
            notifyAll();
        }
    }

    private static void acknowledge(Entry entry, long seq) {
        while (!entry.held.isEmpty() && entry.held.peekFirst().seq() <= seq) {
            entry.held.removeFirst();
        }
        entry.acknowledged = Math.max(entry.acknowledged, Math.min(seq, entry.nextSeq - 1));
    }

    /**
     * Sends an event to {@code deviceId}: at once when its channel is open, at its next resume
     * otherwise. Held until acknowledged.
     *
     * @return the event's sequence number
     * @throws IllegalStateException when the device is not registered
     */
    public synchronized long push(String deviceId, String event, JsonNode body) {
        Entry entry = byDevice.get(deviceId);
        if (entry == null) {
            throw new IllegalStateException("device " + deviceId + " is not registered; it cannot receive events");
        }
        SignalingMessage.Event message = new SignalingMessage.Event(entry.nextSeq++, event, body);
        entry.held.addLast(message);
        if (entry.held.size() > REPLAY_BUFFER_EVENTS) {
            SignalingMessage.Event dropped = entry.held.removeFirst();
            log.warn("event.dropped device={} seq={} reason=\"replay buffer full\"", deviceId, dropped.seq());
        }
        if (entry.channel != null) {
            entry.channel.send(message);
        }
        log.info(
                "event.pushed device={} seq={} event={} delivered={}",
                deviceId,
                message.seq(),
                event,
                entry.channel != null ? "now" : "on-resume");
        return message.seq();
    }

    /** Closes {@code deviceId}'s channel abruptly (close code 1012, service restart), keeping the registration. */
    public boolean disconnect(String deviceId) {
        Channel channel;
        synchronized (this) {
            Entry entry = byDevice.get(deviceId);
            if (entry == null || entry.channel == null) {
                return false;
            }
            channel = entry.channel;
            entry.channel = null;
            notifyAll();
        }
        channel.close(1012, "disconnected by the emulator");
        return true;
    }

    /**
     * Makes the cloud ignore every message {@code deviceId} sends on its channels (pings included)
     * while {@code silent}, as a path that silently drops traffic would: for testing how fast a
     * device notices a dead channel.
     */
    public synchronized void silence(String deviceId, boolean silent) {
        if (silent) {
            silenced.add(deviceId);
        } else {
            silenced.remove(deviceId);
        }
    }

    /** Whether messages from {@code deviceId} are ignored ({@link #silence}). */
    synchronized boolean silenced(String deviceId) {
        return silenced.contains(deviceId);
    }

    /** {@code deviceId}'s current registration. */
    public synchronized Optional<Registration> registration(String deviceId) {
        return Optional.ofNullable(byDevice.get(deviceId)).map(entry -> entry.registration);
    }

    /** How many devices are registered (one registration each). */
    public synchronized int size() {
        return byDevice.size();
    }

    /** How many registrations were issued to {@code deviceId} since start (replacements included). */
    public synchronized int issuedCount(String deviceId) {
        return issuedByDevice.getOrDefault(deviceId, 0);
    }

    /** Whether {@code deviceId} has an event channel open now. */
    public synchronized boolean connected(String deviceId) {
        Entry entry = byDevice.get(deviceId);
        return entry != null && entry.channel != null;
    }

    /** The highest event sequence number {@code deviceId} has acknowledged, 0 for none. */
    public synchronized long acknowledged(String deviceId) {
        Entry entry = byDevice.get(deviceId);
        return entry == null ? 0 : entry.acknowledged;
    }

    /** The events {@code deviceId} has not acknowledged yet, oldest first. */
    public synchronized List<SignalingMessage.Event> held(String deviceId) {
        Entry entry = byDevice.get(deviceId);
        return entry == null ? List.of() : new ArrayList<>(entry.held);
    }

    /** Waits at most {@code timeout} until {@code deviceId}'s channel is open; for tests. */
    public synchronized boolean awaitConnected(String deviceId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connected(deviceId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Duration.ofNanos(left).toMillis()));
        }
        return true;
    }

    /** Waits at most {@code timeout} until {@code deviceId} acknowledged event {@code seq}; for tests. */
    public synchronized boolean awaitAcknowledged(String deviceId, long seq, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged(deviceId) < seq) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Duration.ofNanos(left).toMillis()));
        }
        return true;
    }

    /** Closes every channel (going away, 1001); registrations are forgotten with the emulator. */
    void closeAll() {
        List<Channel> open = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : byDevice.values()) {
                if (entry.channel != null) {
                    open.add(entry.channel);
                    entry.channel = null;
                }
            }
        }
        open.forEach(channel -> channel.close(1001, "the cloud emulator is stopping"));
    }

    private static final class Entry {
        final Registration registration;
        final Deque<SignalingMessage.Event> held = new ArrayDeque<>();
        long nextSeq = 1;
        long acknowledged;
        int channels;
        Channel channel;

        Entry(Registration registration) {
            this.registration = registration;
        }
    }
}
