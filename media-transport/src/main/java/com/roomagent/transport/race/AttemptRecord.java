package com.roomagent.transport.race;

import com.roomagent.transport.MediaCandidate;
import java.time.Duration;
import java.util.Optional;

/**
 * What happened to one candidate in a race, for status, metrics and benchmarks.
 *
 * @param startedAfter from the race's start to the attempt's start; empty if never started
 * @param finishedAfter from the race's start to the attempt's answer or failure; empty if it was
 *     still running when the race ended, or never started
 * @param rtt the STUN RTT, when the node answered
 * @param detail the failure reason, or a short note
 */
public record AttemptRecord(
        MediaCandidate candidate,
        Outcome outcome,
        Optional<Duration> startedAfter,
        Optional<Duration> finishedAfter,
        Optional<Duration> rtt,
        String detail) {

    /** How an attempt ended. */
    public enum Outcome {
        /** It answered and was chosen. */
        WON,
        /** It answered, but a more preferred candidate was chosen; its channel was closed. */
        LOST,
        /** It failed: refused, timed out, bad answer. */
        FAILED,
        /** It was still running when the race ended, and was stopped. */
        CANCELLED,
        /** The race ended before its turn. */
        NOT_STARTED
    }

    /** One line for logs and errors: {@code node-a udp 192.0.2.1:5004: FAILED after 4000 ms (no answer)}. */
    public String describe() {
        StringBuilder text =
                new StringBuilder(candidate.describe()).append(": ").append(outcome);
        finishedAfter.ifPresent(at -> text.append(" at ").append(at.toMillis()).append(" ms"));
        rtt.ifPresent(value -> text.append(", rtt ").append(value.toMillis()).append(" ms"));
        if (!detail.isEmpty()) {
            text.append(" (").append(detail).append(')');
        }
        return text.toString();
    }
}
