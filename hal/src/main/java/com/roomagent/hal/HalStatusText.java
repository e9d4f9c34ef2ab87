package com.roomagent.hal;

import com.roomagent.hal.devices.AudioDevice;
import com.roomagent.hal.devices.PcmDevice;
import com.roomagent.hal.devices.SoundCard;
import com.roomagent.hal.devices.VideoDevice;
import com.roomagent.hal.health.FeatureStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes a {@link HalStatus} for people: what {@code bin/room-agent hal} prints. */
public final class HalStatusText {
    private HalStatusText() {}

    public static String format(HalStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("board: ")
                .append(status.board())
                .append(" (")
                .append(status.platform())
                .append(", profile ")
                .append(status.profileSource())
                .append(")\n");
        out.append("video: ")
                .append(status.encoder())
                .append(", up to ")
                .append(status.videoCaps())
                .append('\n');
        out.append("agent state: ")
                .append(status.agentState().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(" (status LED: ")
                .append(status.agentState().pattern().label())
                .append(")\n");
        out.append("microphone: ")
                .append(status.microphoneMuted() ? "muted" : "live")
                .append('\n');
        out.append(status.video().text()).append('\n');
        status.ambientLight()
                .ifPresent(reading -> out.append(
                        String.format(Locale.ROOT, "ambient light: %.2f lx at %s%n", reading.lux(), reading.at())));
        out.append("\nfeatures:\n");
        for (FeatureStatus feature : status.features()) {
            out.append(String.format(
                                    Locale.ROOT,
                                    "  %-16s %-8s %s%n",
                                    feature.feature().label(),
                                    feature.state().name().toLowerCase(Locale.ROOT),
                                    feature.detail())
                            .stripTrailing())
                    .append('\n');
        }
        out.append("\nlines:\n");
        if (status.lines().isEmpty()) {
            out.append("  (none)\n");
        }
        for (LineState line : status.lines()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  GPIO %-4d %-16s %-8s %s%n",
                    line.line(),
                    line.function(),
                    line.kind(),
                    line.state()));
        }
        out.append("\nvideo devices:\n");
        appendVideo(out, status.devices().video(), status.selection().camera());
        out.append("\nsound cards:\n");
        appendSound(
                out,
                status.devices().soundCards(),
                status.selection().microphone(),
                status.selection().speaker());
        return out.toString();
    }

    private static void appendVideo(StringBuilder out, List<VideoDevice> devices, Optional<VideoDevice> camera) {
        if (devices.isEmpty()) {
            out.append("  (none)\n");
        }
        for (VideoDevice device : devices) {
            boolean chosen = camera.isPresent() && camera.get().node().equals(device.node());
            out.append(String.format(
                    Locale.ROOT,
                    "  %s %-8s %-28s %-8s %s%s%n",
                    chosen ? "*" : " ",
                    device.node(),
                    device.name(),
                    device.role().name().toLowerCase(Locale.ROOT),
                    device.bus(),
                    device.usbId().isEmpty() ? "" : " " + device.usbId()));
            if (!device.formats().isEmpty()) {
                out.append("      formats: ")
                        .append(device.formats().stream().map(Object::toString).collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
    }

    private static void appendSound(
            StringBuilder out, List<SoundCard> cards, Optional<AudioDevice> microphone, Optional<AudioDevice> speaker) {
        if (cards.isEmpty()) {
            out.append("  (none)\n");
        }
        for (SoundCard card : cards) {
            out.append(String.format(
                    Locale.ROOT, "  card %d [%s] %s: %s%n", card.number(), card.id(), card.driver(), card.name()));
            for (PcmDevice pcm : card.pcms()) {
                String role = isChosen(microphone, card, pcm)
                        ? " (microphone)"
                        : isChosen(speaker, card, pcm) ? " (speaker)" : "";
                out.append(String.format(
                        Locale.ROOT,
                        "      pcm %d %-8s %s, channels %s%s%n",
                        pcm.device(),
                        pcm.direction().name().toLowerCase(Locale.ROOT),
                        pcm.name(),
                        pcm.channels().isPresent()
                                ? Integer.toString(pcm.channels().getAsInt())
                                : "unknown",
                        role));
            }
        }
    }

    private static boolean isChosen(Optional<AudioDevice> chosen, SoundCard card, PcmDevice pcm) {
        return chosen.isPresent()
                && chosen.get().card().number() == card.number()
                && chosen.get().pcm().equals(pcm);
    }
}
