package com.roomagent.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.roomagent.agent.call.CallMedia;
import com.roomagent.agent.call.CallStatus;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.hal.HalStatus;
import com.roomagent.hal.RoomHardware;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control socket's {@code mute}, {@code unmute} and {@code mute-toggle} (docs/cli.md, "room-agent
 * mute"), on every board, and the {@code call} object of every status answer. The microphone's mute
 * state lives in the HAL: these commands ask the HAL, and the mute LED, the status and a call's
 * audio follow it, exactly as they follow the mute button. Runs on the control handler threads.
 */
final class MicrophoneCommands {
    private static final Logger LOG = LoggerFactory.getLogger(MicrophoneCommands.class);

    /** How long a mute command waits for the HAL to apply it before answering anyway. */
    static final Duration REACTION_LIMIT = Duration.ofSeconds(2);

    private final AgentDaemon daemon;

    MicrophoneCommands(AgentDaemon daemon) {
        this.daemon = daemon;
    }

    /** The active call's media as the control protocol's {@code call} object; null without a call. */
    static JsonNode callJson(AgentDaemon daemon) {
        Optional<CallStatus> status = daemon.callMedia().map(CallMedia::status);
        if (status.isEmpty()) {
            return null;
        }
        JsonNode call = ControlJson.mapper().valueToTree(status.get());
        daemon.mediaPath()
                .ifPresent(path ->
                        ((ObjectNode) call).set("path", ControlJson.mapper().valueToTree(path.status())));
        return call;
    }

    /** Serialized: a toggle reads the state it changes. */
    synchronized ControlResponse microphone(
            String command, Function<Optional<HalStatus>, ControlResponse> status, String peer) {
        Optional<RoomHardware> hardware = daemon.hardware();
        if (hardware.isEmpty()) {
            return status.apply(Optional.empty())
                    .asFailure(
                            ControlResponse.BUSY,
                            "The board is not open yet (the agent is starting); try again in a moment.",
                            null);
        }
        RoomHardware board = hardware.get();
        boolean wanted = switch (command) {
            case ControlRequest.MUTE -> true;
            case ControlRequest.UNMUTE -> false;
            default -> !board.microphoneMuted();
        };
        board.setMicrophoneMuted(wanted);
        LOG.info("event=microphone-mute-requested muted={} command={} peer={}", wanted, command, peer);
        boolean applied;
        try {
            applied = daemon.halEvents().await(() -> board.microphoneMuted() == wanted, REACTION_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ControlResponse.refusal(ControlResponse.INTERNAL_ERROR, "the agent is stopping");
        }
        HalStatus after = board.status();
        ControlResponse answer = status.apply(Optional.of(after));
        if (!applied) {
            return answer.asFailure(
                    ControlResponse.NOT_APPLIED,
                    "The hardware layer did not apply the mute within " + REACTION_LIMIT.toMillis()
                            + " ms; `room-agent hal` shows its state.",
                    null);
        }
        String where = daemon.callMedia().isPresent() ? " The call's audio follows." : "";
        boolean led = after.lines().stream().anyMatch(line -> line.function().equals("mute LED"));
        String shown = led ? (wanted ? " (the mute LED is lit)" : " (the mute LED is off)") : "";
        return answer.withMessage("The microphone is " + (wanted ? "muted" : "live") + shown + "." + where);
    }
}
