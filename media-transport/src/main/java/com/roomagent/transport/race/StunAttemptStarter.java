package com.roomagent.transport.race;

import com.roomagent.transport.ChannelOpener;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.stun.BindingResponse;
import com.roomagent.transport.stun.ShortTermCredentials;
import com.roomagent.transport.stun.StunSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * The real attempt: on its own named thread ({@code media-race-<transport>-<node>}), open the
 * channel and complete one Binding transaction on it within {@code attemptTimeout}, retransmitting
 * over UDP from {@code stunInitialRto}. Cancelling closes the channel, which ends a STUN wait at
 * once; a connect in progress ends by its own timeout and its channel is closed.
 */
public final class StunAttemptStarter implements AttemptStarter {
    private final ChannelOpener opener;
    private final RaceSettings settings;
    private final ShortTermCredentials credentials;

    /** @param credentialsOrNull short-term credentials from signaling, or null for plain STUN */
    public StunAttemptStarter(ChannelOpener opener, RaceSettings settings, ShortTermCredentials credentialsOrNull) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = credentialsOrNull;
    }

    @Override
    public Attempt start(MediaCandidate candidate, Listener listener) {
        RealAttempt attempt = new RealAttempt(candidate, listener);
        Thread thread =
                new Thread(attempt::run, "media-race-" + candidate.transport().id() + "-" + candidate.nodeId());
        thread.setDaemon(true);
        thread.start();
        return attempt;
    }

    private final class RealAttempt implements Attempt {
        private final MediaCandidate candidate;
        private final Listener listener;
        private volatile boolean cancelled;
        private volatile MediaChannel channel;

        RealAttempt(MediaCandidate candidate, Listener listener) {
            this.candidate = candidate;
            this.listener = listener;
        }

        void run() {
            long start = System.nanoTime();
            try {
                MediaChannel opened = opener.open(candidate);
                channel = opened;
                if (cancelled) {
                    opened.close();
                    listener.failed("cancelled");
                    return;
                }
                Duration left = settings.attemptTimeout().minusNanos(System.nanoTime() - start);
                if (left.isNegative() || left.isZero()) {
                    opened.close();
                    listener.failed("opening the channel took the whole attemptTimeout of "
                            + settings.attemptTimeout().toMillis() + " ms");
                    return;
                }
                StunSession stun = new StunSession(opened, credentials, System::nanoTime);
                BindingResponse answer = stun.check(settings.stunInitialRto(), left);
                listener.succeeded(new ConnectedPath(candidate, stun, answer.rtt()));
            } catch (IOException e) {
                closeChannel();
                listener.failed(cancelled ? "cancelled" : e.getMessage());
            } catch (InterruptedException e) {
                closeChannel();
                Thread.currentThread().interrupt();
                listener.failed("interrupted");
            } catch (RuntimeException e) {
                closeChannel();
                listener.failed("attempt crashed: " + e);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            closeChannel();
        }

        private void closeChannel() {
            MediaChannel opened = channel;
            if (opened != null) {
                opened.close();
            }
        }
    }
}
