package com.roomagent.hal.devices;

import com.roomagent.hal.devices.PcmDevice.Direction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists ALSA sound cards from procfs ({@code <root>/proc/asound}): the cards from {@code cards},
 * each card's PCM streams from {@code cardN/pcmD[cp]/info}, and their channel counts from USB
 * audio's {@code cardN/streamD} (every altsetting's {@code Channels:}) or, while a stream is open,
 * its {@code sub0/hw_params}. Other drivers publish no channel count in procfs; it is then unknown.
 */
public final class ProcfsSoundCards {
    private static final Logger log = LoggerFactory.getLogger(ProcfsSoundCards.class);
    /** {@code " 1 [C920           ]: USB-Audio - HD Pro Webcam C920"}. */
    private static final Pattern CARD_LINE = Pattern.compile("^\\s*(\\d+)\\s+\\[([^\\]]*)\\]:\\s*(\\S+)\\s+-\\s+(.*)$");

    private static final Pattern PCM_DIR = Pattern.compile("pcm(\\d+)([cp])");
    private static final Pattern CHANNELS = Pattern.compile("^\\s*[Cc]hannels:\\s*(\\d+)");

    private final Path root;

    /** @param root the system root: {@code /} on a device, a fake tree in tests */
    public ProcfsSoundCards(Path root) {
        this.root = root;
    }

    /** Every card present, in card number order. */
    public List<SoundCard> read() {
        Path asound = root.resolve("proc/asound");
        List<String> lines;
        try {
            lines = Files.readAllLines(asound.resolve("cards"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of(); // no ALSA in this kernel
        } catch (IOException e) {
            log.warn("event=sound-scan-failed file={} reason=\"{}\"", asound.resolve("cards"), e.getMessage());
            return List.of();
        }
        List<SoundCard> cards = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher card = CARD_LINE.matcher(lines.get(i));
            if (!card.matches()) {
                continue;
            }
            int number = Integer.parseInt(card.group(1));
            String longName =
                    i + 1 < lines.size() && !CARD_LINE.matcher(lines.get(i + 1)).matches()
                            ? lines.get(i + 1).strip()
                            : "";
            cards.add(new SoundCard(
                    number,
                    card.group(2).strip(),
                    card.group(3),
                    card.group(4).strip(),
                    longName,
                    pcmsOf(asound.resolve("card" + number))));
        }
        return cards;
    }

    private static List<PcmDevice> pcmsOf(Path cardDir) {
        List<PcmDevice> pcms = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cardDir, "pcm*")) {
            for (Path entry : entries) {
                Matcher pcm = PCM_DIR.matcher(entry.getFileName().toString());
                if (pcm.matches()) {
                    int device = Integer.parseInt(pcm.group(1));
                    Direction direction = pcm.group(2).equals("c") ? Direction.CAPTURE : Direction.PLAYBACK;
                    pcms.add(pcmOf(cardDir, entry, device, direction));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            log.debug("event=sound-card-skipped dir={} reason=\"{}\"", cardDir, e.getMessage());
        }
        pcms.sort(Comparator.comparingInt(PcmDevice::device).thenComparing(PcmDevice::direction));
        return pcms;
    }

    private static PcmDevice pcmOf(Path cardDir, Path pcmDir, int device, Direction direction) {
        Map<String, String> info = keyValues(pcmDir.resolve("info"));
        OptionalInt channels = streamChannels(cardDir.resolve("stream" + device), direction);
        if (channels.isEmpty()) {
            channels = openChannels(pcmDir.resolve("sub0/hw_params"));
        }
        return new PcmDevice(
                device,
                direction,
                info.getOrDefault("id", ""),
                info.getOrDefault("name", ""),
                SysFiles.parseIntOrZero(info.getOrDefault("subdevices_count", "0")),
                channels);
    }

    /** The most channels of any altsetting in the direction's section of a USB audio stream file. */
    private static OptionalInt streamChannels(Path streamFile, Direction direction) {
        String section = direction == Direction.CAPTURE ? "Capture:" : "Playback:";
        boolean inSection = false;
        int most = 0;
        for (String line : linesOf(streamFile)) {
            String stripped = line.strip();
            if (stripped.equals("Capture:") || stripped.equals("Playback:")) {
                inSection = stripped.equals(section);
            } else if (inSection) {
                Matcher channels = CHANNELS.matcher(line);
                if (channels.find()) {
                    most = Math.max(most, Integer.parseInt(channels.group(1)));
                }
            }
        }
        return most > 0 ? OptionalInt.of(most) : OptionalInt.empty();
    }

    /** {@code channels: 2} from an open stream's hardware parameters ({@code closed} otherwise). */
    private static OptionalInt openChannels(Path hwParams) {
        String channels = keyValues(hwParams).get("channels");
        return channels == null ? OptionalInt.empty() : OptionalInt.of(SysFiles.parseIntOrZero(channels));
    }

    /** {@code key: value} lines, keys in lower case. */
    private static Map<String, String> keyValues(Path file) {
        Map<String, String> values = new HashMap<>();
        for (String line : linesOf(file)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return values;
    }

    private static List<String> linesOf(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(); // absent for this driver, or gone with an unplugged card
        }
    }
}
