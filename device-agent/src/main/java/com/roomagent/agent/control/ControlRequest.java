package com.roomagent.agent.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One request on the control socket, one JSON object on one line (docs/provisioning.md, "The control socket"): {@code
 * {"command":"status"}}, {@code {"command":"activate","code":"1234-..."}}, {@code
 * {"command":"board-shutter","closed":true}}...
 *
 * <p>{@link #toString()} masks the code: a request is safe to log.
 *
 * @param command one of {@link #COMMANDS}
 * @param code for {@link #ACTIVATE}, the activation code as typed; null otherwise
 * @param closed for {@link #BOARD_SHUTTER}, whether to close the privacy shutter (false: open it)
 * @param lux for {@link #BOARD_AMBIENT_LIGHT}, the light on the emulated sensor in lux
 * @param meeting for {@link #MEETING_JOIN}, the meeting to join
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ControlRequest(String command, String code, Boolean closed, Double lux, String meeting) {
    public static final String STATUS = "status";
    public static final String ACTIVATE = "activate";
    public static final String FACTORY_RESET = "factory-reset";
    /** The HAL's status: board, features, lines, devices. */
    public static final String HAL = "hal";
    /** The emulated board: press the mute button and let it go. */
    public static final String BOARD_PRESS_MUTE = "board-press-mute";
    /** The emulated board: close or open the privacy shutter ({@code closed}). */
    public static final String BOARD_SHUTTER = "board-shutter";
    /** The emulated board: the light falling on the sensor ({@code lux}). */
    public static final String BOARD_AMBIENT_LIGHT = "board-ambient-light";

    /** Mute the microphone through the HAL (LED, status and a call's audio follow), on any board. */
    public static final String MUTE = "mute";
    /** Unmute the microphone through the HAL. */
    public static final String UNMUTE = "unmute";
    /** Toggle the microphone's mute, as the mute button does. */
    public static final String MUTE_TOGGLE = "mute-toggle";

    /** Check the upgrade URL now, and install a newer verified image (docs/cloud-services.md). */
    public static final String UPGRADE_CHECK = "upgrade-check";

    /** Join a meeting over signaling (docs/signaling.md, "Meetings"); needs {@code meeting}. */
    public static final String MEETING_JOIN = "meeting-join";
    /** Leave the room's meeting. */
    public static final String MEETING_LEAVE = "meeting-leave";

    /** Every command the agent knows, in the order docs/provisioning.md lists them. */
    public static final List<String> COMMANDS = List.of(
            STATUS,
            ACTIVATE,
            FACTORY_RESET,
            HAL,
            BOARD_PRESS_MUTE,
            BOARD_SHUTTER,
            BOARD_AMBIENT_LIGHT,
            MUTE,
            UNMUTE,
            MUTE_TOGGLE,
            UPGRADE_CHECK,
            MEETING_JOIN,
            MEETING_LEAVE);

    public ControlRequest {
        Objects.requireNonNull(command, "command");
    }

    /** A request without a meeting. */
    public ControlRequest(String command, String code, Boolean closed, Double lux) {
        this(command, code, closed, lux, null);
    }

    public static ControlRequest meetingJoin(String meeting) {
        return new ControlRequest(MEETING_JOIN, null, null, null, Objects.requireNonNull(meeting, "meeting"));
    }

    public static ControlRequest meetingLeave() {
        return new ControlRequest(MEETING_LEAVE, null, null, null);
    }

    public static ControlRequest status() {
        return new ControlRequest(STATUS, null, null, null);
    }

    public static ControlRequest activate(String code) {
        return new ControlRequest(ACTIVATE, Objects.requireNonNull(code, "code"), null, null);
    }

    public static ControlRequest factoryReset() {
        return new ControlRequest(FACTORY_RESET, null, null, null);
    }

    public static ControlRequest upgradeCheck() {
        return new ControlRequest(UPGRADE_CHECK, null, null, null);
    }

    public static ControlRequest hal() {
        return new ControlRequest(HAL, null, null, null);
    }

    public static ControlRequest boardPressMute() {
        return new ControlRequest(BOARD_PRESS_MUTE, null, null, null);
    }

    public static ControlRequest boardShutter(boolean closed) {
        return new ControlRequest(BOARD_SHUTTER, null, closed, null);
    }

    /** {@link #MUTE}, {@link #UNMUTE} or {@link #MUTE_TOGGLE}. */
    public static ControlRequest microphone(String command) {
        if (!command.equals(MUTE) && !command.equals(UNMUTE) && !command.equals(MUTE_TOGGLE)) {
            throw new IllegalArgumentException("not a microphone command: " + command);
        }
        return new ControlRequest(command, null, null, null);
    }

    public static ControlRequest boardAmbientLight(double lux) {
        return new ControlRequest(BOARD_AMBIENT_LIGHT, null, null, lux);
    }

    /**
     * What is missing or wrong in a request with a known command, or empty when it is complete.
     * The server refuses an incomplete request as {@value ControlResponse#BAD_REQUEST}.
     */
    public String problem() {
        return switch (command) {
            case ACTIVATE -> code == null ? "activate needs a \"code\" field" : "";
            case MEETING_JOIN -> meeting == null ? "meeting-join needs a \"meeting\" field: the meeting id" : "";
            case BOARD_SHUTTER -> closed == null ? "board-shutter needs a \"closed\" field: true or false" : "";
            case BOARD_AMBIENT_LIGHT ->
                lux == null || !Double.isFinite(lux) || lux < 0
                        ? "board-ambient-light needs a \"lux\" field: a number of lux, 0 or more"
                        : "";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return "ControlRequest[command=" + command + (code == null ? "" : ", code=(hidden)")
                + (closed == null ? "" : ", closed=" + closed) + (lux == null ? "" : ", lux=" + lux)
                + (meeting == null ? "" : ", meeting=" + meeting) + "]";
    }
}
