package com.roomagent.hal.devices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reading the one-value files and links of sysfs and procfs. */
final class SysFiles {
    private SysFiles() {}

    /** The first line of a file, stripped. */
    static String readLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "" : lines.get(0).strip();
    }

    /** The first line of a file, or empty when it cannot be read (absent, gone, not allowed). */
    static Optional<String> readOptionalLine(Path file) {
        try {
            return Optional.of(readLine(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where a link leads, every link on the way resolved, or empty when it leads nowhere. */
    static Optional<Path> realPath(Path link) {
        try {
            return Optional.of(link.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static int parseIntOrZero(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
