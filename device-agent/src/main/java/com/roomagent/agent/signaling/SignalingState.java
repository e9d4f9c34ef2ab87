package com.roomagent.agent.signaling;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Where registration stands (docs/signaling.md, "States"). Immutable; the client publishes a new
 * one at every change.
 */
public sealed interface SignalingState {
    /** The stable identifier shown by {@code room-agent status} and in logs. */
    String id();

    /** Not registered, and not trying: before start and after stop. */
    record Unregistered() implements SignalingState {
        @Override
        public String id() {
            return "unregistered";
        }
    }

    /** Registering or opening the event channel for the first time. */
    record Registering() implements SignalingState {
        @Override
        public String id() {
            return "registering";
        }
    }

    /**
     * Registered, with the event channel open.
     *
     * @param registrationId the cloud's id for this registration
     * @param eventChannelUrl the channel's URL
     * @param since when the channel opened (was welcomed)
     */
    record Registered(String registrationId, URI eventChannelUrl, Instant since) implements SignalingState {
        public Registered {
            Objects.requireNonNull(registrationId, "registrationId");
            Objects.requireNonNull(eventChannelUrl, "eventChannelUrl");
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String id() {
            return "registered";
        }
    }

    /**
     * The last attempt or the channel failed; the next attempt is scheduled.
     *
     * @param cause what failed, for operators
     * @param nextAttemptAt when the next attempt starts
     * @param failures consecutive failures so far
     */
    record Reconnecting(String cause, Instant nextAttemptAt, int failures) implements SignalingState {
        public Reconnecting {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        }

        @Override
        public String id() {
            return "reconnecting";
        }
    }

    /**
     * The cloud refused the device itself (its certificate), which only a person can fix: a factory
     * reset and a new activation, or the cloud operator. The agent still tries again, at the longest
     * backoff.
     *
     * @param reason what was refused and what to do
     * @param nextAttemptAt when the agent tries again anyway
     */
    record Failed(String reason, Instant nextAttemptAt) implements SignalingState {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        }

        @Override
        public String id() {
            return "failed";
        }
    }
}
