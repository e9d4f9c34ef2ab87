package com.roomagent.hal;

import com.roomagent.hal.board.Board;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.InputLine;
import com.roomagent.hal.board.Led;
import com.roomagent.hal.board.OutputLine;
import com.roomagent.hal.profile.LedSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads every line a board opened, for status output. */
final class LineStates {
    private LineStates() {}

    static List<LineState> of(Board board) {
        List<LineState> lines = new ArrayList<>();
        board.cameraPower().ifPresent(line -> lines.add(output("camera power", line)));
        board.privacyShutter().ifPresent(line -> lines.add(input("privacy shutter", line, "closed", "open")));
        board.muteButton().ifPresent(line -> lines.add(input("mute button", line, "pressed", "released")));
        board.muteLed()
                .ifPresent(led -> lines.add(led("mute LED", led, board.profile().muteLed())));
        board.statusLed()
                .ifPresent(
                        led -> lines.add(led("status LED", led, board.profile().statusLed())));
        return lines;
    }

    private static LineState output(String function, OutputLine line) {
        String state;
        try {
            state = line.isActive() ? "on" : "off";
        } catch (HardwareException e) {
            state = "unreadable: " + e.getMessage();
        }
        return new LineState(function, line.line(), "output", state);
    }

    private static LineState input(String function, InputLine line, String active, String inactive) {
        String state;
        try {
            state = line.isActive() ? active : inactive;
        } catch (HardwareException e) {
            state = "unreadable: " + e.getMessage();
        }
        return new LineState(function, line.line(), "input", state);
    }

    private static LineState led(String function, Led led, Optional<LedSpec> spec) {
        boolean pwm = spec.isPresent() && spec.get().pwmChannel().isPresent();
        String kind = pwm ? "pwm " + spec.get().pwmChannel().getAsInt() : "output";
        String state;
        if (led.level() <= 0) {
            state = "off";
        } else if (!pwm) {
            state = "on";
        } else {
            state = String.format(
                    Locale.ROOT,
                    "%.0f%% of %d%% brightness",
                    led.level() * 100,
                    spec.get().brightnessPercent());
        }
        return new LineState(function, led.line(), kind, state);
    }
}
