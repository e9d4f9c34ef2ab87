package com.roomagent.agent.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.signaling.SignalingStatus;
import com.roomagent.protocol.discovery.DiscoveryReport;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The agent's answer on the control socket, one JSON object on one line. Every answer carries the
 * agent's state, so a failed activation also says where the device stands. Fields that do not
 * apply are left out of the JSON (null here).
 *
 * @param ok whether the command did what was asked
 * @param error when not ok, a stable identifier (the enrollment failures' ids, or {@code
 *     already-provisioned}, {@code bad-request}, {@code busy}, {@code internal-error})
 * @param message a sentence for the installer: what happened and what to do
 * @param retryInSeconds when the agent retries by itself (cloud unreachable, rate limited), in how
 *     many seconds
 * @param state {@code unprovisioned}, {@code pairing}, {@code activating} or {@code provisioned}
 * @param deviceId once provisioned, the identity the cloud gave the device
 * @param organizationId once provisioned, the organization
 * @param provisionedAt once provisioned, when
 * @param lastFailure while unprovisioned, the last failure of any way in
 * @param pairing while pairing, what the display shows
 * @param discovery once provisioned, the latest discovery report while fresh
 * @param hal the room's hardware: the HAL's status as JSON (docs/provisioning.md, "The room's hardware on the control socket"),
 *     once the board is open
 * @param call the call's media while a call is active (docs/av-pipeline.md, "In the agent"): state,
 *     microphone, video, and per stream packets, bytes, bitrate, loss, jitter and round-trip time
 * @param registration once provisioned, registration and the event channel (docs/signaling.md,
 *     "Status")
 * @param meeting the room's meeting while it is in one (docs/signaling.md, "Meetings"): id, phase,
 *     node, time from join to media, failovers reported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ControlResponse(
        boolean ok,
        String error,
        String message,
        Long retryInSeconds,
        String state,
        String deviceId,
        String organizationId,
        Instant provisionedAt,
        Failure lastFailure,
        Pairing pairing,
        DiscoveryReport discovery,
        JsonNode hal,
        JsonNode call,
        SignalingStatus registration,
        JsonNode meeting) {

    /** Without a meeting section. */
    public ControlResponse(
            boolean ok,
            String error,
            String message,
            Long retryInSeconds,
            String state,
            String deviceId,
            String organizationId,
            Instant provisionedAt,
            Failure lastFailure,
            Pairing pairing,
            DiscoveryReport discovery,
            JsonNode hal,
            JsonNode call,
            SignalingStatus registration) {
        this(
                ok,
                error,
                message,
                retryInSeconds,
                state,
                deviceId,
                organizationId,
                provisionedAt,
                lastFailure,
                pairing,
                discovery,
                hal,
                call,
                registration,
                null);
    }

    /** Without a registration section: answers before provisioning, and tests. */
    public ControlResponse(
            boolean ok,
            String error,
            String message,
            Long retryInSeconds,
            String state,
            String deviceId,
            String organizationId,
            Instant provisionedAt,
            Failure lastFailure,
            Pairing pairing,
            DiscoveryReport discovery,
            JsonNode hal,
            JsonNode call) {
        this(
                ok,
                error,
                message,
                retryInSeconds,
                state,
                deviceId,
                organizationId,
                provisionedAt,
                lastFailure,
                pairing,
                discovery,
                hal,
                call,
                null);
    }

    /** The identifier of the answer to an activation code on a device that has an identity already. */
    public static final String ALREADY_PROVISIONED = "already-provisioned";
    /** The request was not one JSON object with a known command on one line. */
    public static final String BAD_REQUEST = "bad-request";
    /** The activation outlasted the agent's wait; the attempt goes on, and status shows its outcome. */
    public static final String STILL_WORKING = "still-working";
    /** Every handler is busy; try again in a moment. */
    public static final String BUSY = "busy";
    /** The agent failed in a way it could not classify; its log says more. */
    public static final String INTERNAL_ERROR = "internal-error";
    /** A {@code board-*} command on a board that is not the emulated one. */
    public static final String NOT_EMULATED = "not-emulated";
    /** A {@code mute}/{@code unmute}/{@code mute-toggle} the HAL did not carry out in time. */
    public static final String NOT_APPLIED = "not-applied";
    /** A {@code board-*} command for a device the emulated board's profile does not have. */
    public static final String NO_SUCH_DEVICE = "no-such-device";

    /**
     * A failure of a way in, kept while the device is unprovisioned.
     *
     * @param error the failure's identifier
     * @param message what happened and what to do
     * @param at when, by the device's clock
     */
    public record Failure(String error, String message, Instant at) {
        public Failure {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The pairing session on the display.
     *
     * @param shortCode the short code shown beside the QR code
     * @param pairingUri what the QR code encodes
     * @param expiresAt when the session ends unapproved (a new one follows)
     */
    public record Pairing(String shortCode, URI pairingUri, Instant expiresAt) {
        public Pairing {
            Objects.requireNonNull(shortCode, "shortCode");
            Objects.requireNonNull(pairingUri, "pairingUri");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** A failure answer without any state, for requests the agent could not even read. */
    public static ControlResponse refusal(String error, String message) {
        return new ControlResponse(false, error, message, null, null, null, null, null, null, null, null, null, null);
    }

    /** This answer with {@code text} as its message. */
    public ControlResponse withMessage(String text) {
        return new ControlResponse(
                ok,
                error,
                text,
                retryInSeconds,
                state,
                deviceId,
                organizationId,
                provisionedAt,
                lastFailure,
                pairing,
                discovery,
                hal,
                call,
                registration,
                meeting);
    }

    /** This answer with {@code status} as its registration section. */
    public ControlResponse withRegistration(SignalingStatus status) {
        return new ControlResponse(
                ok,
                error,
                message,
                retryInSeconds,
                state,
                deviceId,
                organizationId,
                provisionedAt,
                lastFailure,
                pairing,
                discovery,
                hal,
                call,
                status,
                meeting);
    }

    /** This answer with {@code value} as its {@code call} object (null: no call). */
    public ControlResponse withCall(JsonNode value) {
        return new ControlResponse(
                ok,
                error,
                message,
                retryInSeconds,
                state,
                deviceId,
                organizationId,
                provisionedAt,
                lastFailure,
                pairing,
                discovery,
                hal,
                value,
                registration,
                meeting);
    }

    /** This answer with {@code value} as its {@code meeting} object (null: in no meeting). */
    public ControlResponse withMeeting(JsonNode value) {
        return new ControlResponse(
                ok,
                error,
                message,
                retryInSeconds,
                state,
                deviceId,
                organizationId,
                provisionedAt,
                lastFailure,
                pairing,
                discovery,
                hal,
                call,
                registration,
                value);
    }

    /** This answer as a failure {@code id}, with {@code text} and an optional retry delay. */
    public ControlResponse asFailure(String id, String text, Long retryIn) {
        return new ControlResponse(
                false,
                id,
                text,
                retryIn,
                state,
                deviceId,
                organizationId,
                provisionedAt,
                lastFailure,
                pairing,
                discovery,
                hal,
                call,
                registration,
                meeting);
    }
}
