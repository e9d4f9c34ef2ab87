package com.roomagent.protocol.signaling;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.protocol.discovery.DiscoveryReport;
import java.util.Objects;

/**
 * One message on the event channel: a JSON object in one WebSocket text frame, whose {@code type}
 * field names the record (docs/signaling.md, "Messages"). Sequence numbers count per direction:
 * the cloud numbers its {@link Event}s, the device its {@link DiscoveryReportMessage}s and meeting
 * requests ({@link MeetingJoin}, {@link MeetingLeave}, {@link MediaFailover}) from one counter,
 * each acknowledged by the other side with an {@link Ack}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(SignalingMessage.Hello.class),
    @JsonSubTypes.Type(SignalingMessage.Welcome.class),
    @JsonSubTypes.Type(SignalingMessage.Event.class),
    @JsonSubTypes.Type(SignalingMessage.Ack.class),
    @JsonSubTypes.Type(SignalingMessage.Ping.class),
    @JsonSubTypes.Type(SignalingMessage.Pong.class),
    @JsonSubTypes.Type(SignalingMessage.DiscoveryReportMessage.class),
    @JsonSubTypes.Type(SignalingMessage.MeetingJoin.class),
    @JsonSubTypes.Type(SignalingMessage.MeetingLeave.class),
    @JsonSubTypes.Type(SignalingMessage.MediaFailover.class),
    @JsonSubTypes.Type(SignalingMessage.Error.class)
})
public sealed interface SignalingMessage {
    /**
     * Device to cloud, first on every channel: which registration this channel serves.
     *
     * @param registrationId from the registration answer
     * @param resumeToken from the registration answer
     * @param lastEventSeq the highest event sequence number the device has received under this
     *     registration, 0 for none: the cloud replays every later event it still holds
     */
    @JsonTypeName("hello")
    record Hello(String registrationId, String resumeToken, long lastEventSeq) implements SignalingMessage {
        public Hello {
            Objects.requireNonNull(registrationId, "registrationId");
            Objects.requireNonNull(resumeToken, "resumeToken");
        }

        @Override
        public String toString() {
            return "Hello[registrationId=" + registrationId + ", lastEventSeq=" + lastEventSeq
                    + ", resumeToken=(hidden)]";
        }
    }

    /**
     * Cloud to device, the answer to {@link Hello}.
     *
     * @param registrationId the registration the channel now serves
     * @param resumed false on the registration's first channel, true on every later one
     * @param replaying how many held events follow at once, oldest first
     * @param heartbeatIntervalSeconds how often the cloud expects a {@link Ping}; it closes a channel
     *     silent for three intervals
     */
    @JsonTypeName("welcome")
    record Welcome(String registrationId, boolean resumed, int replaying, int heartbeatIntervalSeconds)
            implements SignalingMessage {
        public Welcome {
            Objects.requireNonNull(registrationId, "registrationId");
        }
    }

    /**
     * Cloud to device: something the device must know. Held by the cloud until acknowledged, and
     * replayed after a resume.
     *
     * @param seq the event's number, from 1, increasing by 1 per registration
     * @param event what happened, for example {@code demo.welcome}
     * @param body the event's details, any JSON value
     */
    @JsonTypeName("event")
    record Event(long seq, String event, JsonNode body) implements SignalingMessage {
        public Event {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Either direction: the sender of the acknowledged message may forget it.
     *
     * @param seq the acknowledged message's sequence number (of the other direction)
     */
    @JsonTypeName("ack")
    record Ack(long seq) implements SignalingMessage {}

    /**
     * Device to cloud heartbeat; the cloud answers {@link Pong} with the same {@code id}.
     *
     * @param id the heartbeat's number, from 1 per channel
     */
    @JsonTypeName("ping")
    record Ping(long id) implements SignalingMessage {}

    /**
     * Cloud to device, the answer to {@link Ping}.
     *
     * @param id the ping's id
     */
    @JsonTypeName("pong")
    record Pong(long id) implements SignalingMessage {}

    /**
     * Device to cloud: a discovery report (R8), sent after the channel opens and after every
     * re-probe on network change (R9).
     *
     * @param seq the device's sequence number for this message, from 1 per channel
     * @param report the report
     */
    @JsonTypeName("discovery.report")
    record DiscoveryReportMessage(long seq, DiscoveryReport report) implements SignalingMessage {
        public DiscoveryReportMessage {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Device to cloud: the room joins {@code meetingId} (R10). The cloud answers with a {@code
     * meeting.waiting}, {@code meeting.assigned} or {@code meeting.refused} event. Sent again after a
     * reconnection until acknowledged; joining the meeting the device is already in repeats the
     * current answer, so a resend never restarts a call.
     *
     * @param seq the device's sequence number for this message
     * @param meetingId the meeting, 1..64 characters of letters, digits, '.', '_' and '-'
     */
    @JsonTypeName("meeting.join")
    record MeetingJoin(long seq, String meetingId) implements SignalingMessage {
        public MeetingJoin {
            Objects.requireNonNull(meetingId, "meetingId");
        }
    }

    /**
     * Device to cloud: the room leaves {@code meetingId}; the other participant is told with a
     * {@code meeting.waiting} event. Leaving a meeting the device is not in is acknowledged and
     * changes nothing.
     *
     * @param seq the device's sequence number for this message
     * @param meetingId the meeting
     */
    @JsonTypeName("meeting.leave")
    record MeetingLeave(long seq, String meetingId) implements SignalingMessage {
        public MeetingLeave {
            Objects.requireNonNull(meetingId, "meetingId");
        }
    }

    /**
     * Device to cloud: the meeting's media path failed over (R14, "the cloud is told"), sent once
     * the outcome is known: media resumed on {@code to}, or no candidate was left ({@code to} null).
     *
     * @param seq the device's sequence number for this message
     * @param meetingId the meeting
     * @param nodeId the node the lost path went to
     * @param from the lost path ({@code node transport host:port})
     * @param to the path that took over, or null when none did
     * @param cause {@code CONSENT_EXPIRED}, {@code MEDIA_STOPPED} or {@code CHANNEL_CLOSED}
     * @param gapMs the media gap, or null when media did not resume
     */
    @JsonTypeName("media.failover")
    record MediaFailover(long seq, String meetingId, String nodeId, String from, String to, String cause, Long gapMs)
            implements SignalingMessage {
        public MediaFailover {
            Objects.requireNonNull(meetingId, "meetingId");
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * Either direction: the other side sent something this side refuses. An error on {@link Hello}
     * closes the channel.
     *
     * @param code a stable identifier, one of the constants below
     * @param message what was wrong and what to do
     */
    @JsonTypeName("error")
    record Error(String code, String message) implements SignalingMessage {
        /** The registration in {@code hello} is unknown or replaced: register again. */
        public static final String UNKNOWN_REGISTRATION = "unknown-registration";
        /** The first message was not {@code hello}, or a message could not be read. */
        public static final String BAD_MESSAGE = "bad-message";
        /** The registration belongs to another device than the channel's client certificate. */
        public static final String FORBIDDEN = "forbidden";

        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
