package com.roomagent.agent.signaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;

/**
 * Registration as the control socket's {@code status} and {@code room-agent report} show it
 * (docs/signaling.md, "Status"). Fields that do not apply are null (left out of the JSON).
 *
 * @param state {@code unregistered}, {@code registering}, {@code registered}, {@code reconnecting}
 *     or {@code failed}
 * @param registrationId the current registration, once there is one
 * @param eventChannelUrl its event channel
 * @param connectedSince when the open channel was welcomed; null unless registered
 * @param reconnects how many channels were welcomed after the first, since the agent started
 * @param lastEventSeq the highest event sequence number received under the current registration
 * @param cause while reconnecting or failed, what failed
 * @param nextAttemptAt while reconnecting or failed, when the next attempt starts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignalingStatus(
        String state,
        String registrationId,
        URI eventChannelUrl,
        Instant connectedSince,
        int reconnects,
        long lastEventSeq,
        String cause,
        Instant nextAttemptAt) {}
