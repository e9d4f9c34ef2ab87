package com.roomagent.transport.race;

import com.roomagent.transport.FakeMediaChannel;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.stun.StunSession;
import com.roomagent.transport.timing.FakeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attempts on virtual time: each candidate is scripted to answer or fail a given time after it
 * starts, or to hang; records when each started and whether it was cancelled, and keeps the fake
 * channels so tests can check that losers were closed.
 */
final class FakeAttemptStarter implements AttemptStarter {
    private final FakeScheduler scheduler;
    private final Map<MediaCandidate, Script> scripts = new HashMap<>();
    final Map<MediaCandidate, Long> startedAtMillis = new HashMap<>();
    final List<MediaCandidate> cancelled = new ArrayList<>();
    final Map<MediaCandidate, FakeMediaChannel> channels = new HashMap<>();

    private record Script(boolean succeeds, long afterMillis, String reason) {}

    FakeAttemptStarter(FakeScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The candidate's node answers STUN this long after the attempt starts. */
    FakeAttemptStarter answers(MediaCandidate candidate, long afterMillis) {
        scripts.put(candidate, new Script(true, afterMillis, ""));
        return this;
    }

    /** The attempt fails this long after it starts. */
    FakeAttemptStarter fails(MediaCandidate candidate, long afterMillis, String reason) {
        scripts.put(candidate, new Script(false, afterMillis, reason));
        return this;
    }

    @Override
    public Attempt start(MediaCandidate candidate, Listener listener) {
        startedAtMillis.put(candidate, scheduler.elapsedMillis());
        Script script = scripts.get(candidate);
        if (script == null) {
            // Silently dropped: never answers, never fails.
            return () -> cancelled.add(candidate);
        }
        FakeMediaChannel channel = new FakeMediaChannel(candidate.transport());
        channels.put(candidate, channel);
        var timer = scheduler.schedule(Duration.ofMillis(script.afterMillis), () -> {
            if (script.succeeds) {
                StunSession stun = new StunSession(channel, null, scheduler::nanoTime);
                listener.succeeded(new ConnectedPath(candidate, stun, Duration.ofMillis(script.afterMillis)));
            } else {
                listener.failed(script.reason);
            }
        });
        return () -> {
            cancelled.add(candidate);
            timer.cancel();
            channel.close();
        };
    }
}
