package com.roomagent.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.hal.HalStatus;
import com.roomagent.hal.HalStatusText;
import com.roomagent.hal.LineState;
import com.roomagent.hal.RoomHardware;
import com.roomagent.hal.board.EmulatedBoardControls;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureStatus;
import com.roomagent.hal.video.VideoStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control socket's {@code hal} and {@code board-*} commands (docs/provisioning.md, "The control socket"): the HAL's status,
 * and the emulated board's hands for tests and firmware CI. Runs on the control handler threads.
 */
final class BoardCommands {
    private static final Logger LOG = LoggerFactory.getLogger(BoardCommands.class);

    /** How long a {@code board-*} command waits for the HAL to react before answering anyway. */
    static final Duration REACTION_LIMIT = Duration.ofSeconds(2);

    /** Beyond the debounce window before the next emulated press, for the HAL's timer to fire. */
    private static final Duration MARGIN = Duration.ofMillis(10);

    static final String ONLY_EMULATED = "only the emulated board can be driven from the control socket";

    private final AgentDaemon daemon;

    /** When the last emulated press was over (its release accepted), by {@link System#nanoTime()}. */
    private long lastPressDone = Long.MIN_VALUE;

    BoardCommands(AgentDaemon daemon) {
        this.daemon = daemon;
    }

    /** The HAL's status as the control protocol's {@code hal} object, once the board is open. */
    static Optional<JsonNode> json(Optional<HalStatus> status) {
        return status.map(s -> ControlJson.mapper().valueToTree(s));
    }

    /** {@code hal}: {@code status} with the HAL's status, its text in the message. */
    ControlResponse hal(Function<Optional<HalStatus>, ControlResponse> status) {
        Optional<HalStatus> hal = daemon.hardware().map(RoomHardware::status);
        if (hal.isEmpty()) {
            return notOpen(status.apply(hal));
        }
        return status.apply(hal).withMessage(HalStatusText.format(hal.get()));
    }

    /**
     * {@code board-press-mute}: the button goes down and up; answers once the microphone toggled and
     * the release was accepted. Presses are serialized, and one starts no sooner than the debounce
     * window after the previous release: closer presses would be bounce, on a real board too.
     */
    synchronized ControlResponse pressMute(Function<Optional<HalStatus>, ControlResponse> status, String peer) {
        Duration debounce = daemon.hardwareProfile()
                .flatMap(profile -> profile.muteButton())
                .map(button -> button.debounce())
                .orElse(Duration.ZERO);
        long waitNanos = lastPressDone == Long.MIN_VALUE ? 0 : lastPressDone + debounce.toNanos() - System.nanoTime();
        if (waitNanos > 0) {
            try {
                // A finger cannot press again inside the window the last release opened (at most 1 s).
                TimeUnit.NANOSECONDS.sleep(waitNanos + MARGIN.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ControlResponse.refusal(ControlResponse.INTERNAL_ERROR, "the agent is stopping");
            }
        }
        ControlResponse answer = drive(status, peer, "press-mute", hardware -> {
            boolean before = hardware.microphoneMuted();
            return new Action(
                    controls -> {
                        controls.pressMuteButton();
                        controls.releaseMuteButton(); // within the debounce: counts as one press
                    },
                    () -> hardware.microphoneMuted() != before
                            && feature(hardware.status(), Feature.MUTE_BUTTON)
                                    .map(f -> f.detail().equals("released"))
                                    .orElse(true),
                    after -> "Pressed and released the mute button: the microphone is "
                            + (after.microphoneMuted() ? "muted" : "live") + ", " + lineState(after, "mute LED")
                            + ".");
        });
        lastPressDone = System.nanoTime();
        return answer;
    }

    /** {@code board-shutter}: closes or opens the privacy shutter; answers once the HAL saw it. */
    ControlResponse shutter(Function<Optional<HalStatus>, ControlResponse> status, String peer, boolean closed) {
        String wanted = closed ? "closed" : "open";
        return drive(
                status,
                peer,
                "shutter-" + wanted,
                hardware -> new Action(
                        controls -> {
                            if (closed) {
                                controls.closePrivacyShutter();
                            } else {
                                controls.openPrivacyShutter();
                            }
                        },
                        // The shutter's line and the video gate are updated one after the other:
                        // wait for both, so the answer never shows a half-applied state.
                        () -> {
                            HalStatus now = hardware.status();
                            boolean lineMoved = feature(now, Feature.PRIVACY_SHUTTER)
                                    .map(f -> f.detail().equals(wanted))
                                    .orElse(false);
                            boolean videoGated = now.video().text().equals(VideoStatus.SHUTTER_CLOSED);
                            return lineMoved && videoGated == closed;
                        },
                        after -> "The privacy shutter is " + wanted + ": "
                                + after.video().text() + "."));
    }

    /** {@code board-ambient-light}: the light on the emulated sensor; the HAL reads it at its next poll. */
    ControlResponse ambientLight(Function<Optional<HalStatus>, ControlResponse> status, String peer, double lux) {
        return drive(
                status,
                peer,
                "ambient-light",
                hardware -> new Action(
                        controls -> controls.setAmbientLight(lux),
                        () -> true,
                        after -> String.format(
                                Locale.ROOT,
                                "The emulated sensor now sees %.2f lx; the HAL reads it at its next poll"
                                        + " (board.ambientLight.pollInterval).",
                                lux)));
    }

    /** What one {@code board-*} command does, how to know the HAL reacted, and what to say after. */
    private record Action(
            Consumer<EmulatedBoardControls> move, BooleanSupplier reacted, Function<HalStatus, String> outcome) {}

    private ControlResponse drive(
            Function<Optional<HalStatus>, ControlResponse> status,
            String peer,
            String what,
            Function<RoomHardware, Action> plan) {
        Optional<RoomHardware> hardware = daemon.hardware();
        if (hardware.isEmpty()) {
            return notOpen(status.apply(Optional.empty()));
        }
        RoomHardware board = hardware.get();
        Optional<EmulatedBoardControls> controls = board.emulatedControls();
        if (controls.isEmpty()) {
            HalStatus now = board.status();
            return status.apply(Optional.of(now))
                    .asFailure(
                            ControlResponse.NOT_EMULATED,
                            ONLY_EMULATED + "; this agent runs on " + now.board() + " (" + now.platform()
                                    + "), whose controls are moved by hand",
                            null);
        }
        Action action = plan.apply(board);
        try {
            action.move().accept(controls.get());
        } catch (IllegalStateException e) {
            // The emulated board's profile lacks the device: the message names the missing key.
            return status.apply(Optional.of(board.status()))
                    .asFailure(ControlResponse.NO_SUCH_DEVICE, e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            return status.apply(Optional.of(board.status()))
                    .asFailure(ControlResponse.BAD_REQUEST, e.getMessage(), null);
        }
        LOG.info("event=emulated-board-driven action={} peer={}", what, peer);
        boolean reacted;
        try {
            reacted = daemon.halEvents().await(action.reacted(), REACTION_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ControlResponse.refusal(ControlResponse.INTERNAL_ERROR, "the agent is stopping");
        }
        HalStatus after = board.status();
        String message = action.outcome().apply(after);
        if (!reacted) {
            message = "The board did not react within " + REACTION_LIMIT.toMillis() + " ms (" + what + "). " + message;
        }
        return status.apply(Optional.of(after)).withMessage(message);
    }

    private static ControlResponse notOpen(ControlResponse status) {
        return status.asFailure(
                ControlResponse.BUSY,
                "The board is not open yet (the agent is starting); try again in a moment.",
                null);
    }

    private static Optional<FeatureStatus> feature(HalStatus status, Feature feature) {
        return status.features().stream().filter(f -> f.feature() == feature).findFirst();
    }

    private static String lineState(HalStatus status, String function) {
        return status.lines().stream()
                .filter(line -> line.function().equals(function))
                .findFirst()
                .map(LineState::state)
                .map(state -> function + " " + state)
                .orElse("no " + function);
    }
}
