package com.roomagent.agent.config;

import com.roomagent.agent.call.VideoSourceMode;
import com.roomagent.hal.profile.BoardProfiles;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a setting's text is read, and what a person is told when it cannot be. Each parser returns
 * a value of the setting's Java type or throws {@link InvalidValueException} with an explanation
 * that does not repeat the value (the caller decides whether the value is safe to show).
 */
public enum SettingType {
    TEXT("text") {
        @Override
        Object parse(String text) {
            return text.strip();
        }
    },
    WHOLE_NUMBER("a whole number") {
        @Override
        Object parse(String text) throws InvalidValueException {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new InvalidValueException("is not a whole number");
            }
        }
    },
    DURATION("a duration such as 500ms, 3s, 5m, 2h or PT2H") {
        @Override
        Object parse(String text) throws InvalidValueException {
            return parseDuration(text.strip());
        }
    },
    HTTPS_URL("an https:// URL") {
        @Override
        Object parse(String text) throws InvalidValueException {
            try {
                URI uri = new URI(text.strip());
                if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    throw new InvalidValueException(
                            "is not an https:// URL with a host (R2: the agent talks to the cloud over HTTPS only)");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new InvalidValueException("is not a valid URL: " + e.getReason());
            }
        }
    },
    FILE("a file path, or empty for none") {
        @Override
        Object parse(String text) throws InvalidValueException {
            if (text.isBlank()) {
                return NO_FILE;
            }
            try {
                return Path.of(text.strip());
            } catch (InvalidPathException e) {
                throw new InvalidValueException("is not a valid path: " + e.getReason());
            }
        }
    },
    BOARD_PROFILE("the name of a built-in board profile: " + String.join(", ", BoardProfiles.builtInNames())) {
        @Override
        Object parse(String text) throws InvalidValueException {
            String name = text.strip();
            if (!BoardProfiles.builtInNames().contains(name)) {
                throw new InvalidValueException("is not a built-in board profile");
            }
            return name;
        }
    },
    HOST_PORT("host:port (a name, an IPv4 address or [IPv6]:port), or empty for none") {
        @Override
        Object parse(String text) throws InvalidValueException {
            String stripped = text.strip();
            if (stripped.isEmpty()) {
                return "";
            }
            int colon = stripped.lastIndexOf(':');
            if (colon <= 0 || colon == stripped.length() - 1) {
                throw new InvalidValueException("is not host:port");
            }
            String host = stripped.substring(0, colon);
            if (host.startsWith("[") != host.endsWith("]")
                    || (!host.startsWith("[") && host.contains(":"))
                    || host.equals("[]")
                    || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
                throw new InvalidValueException("is not host:port (write an IPv6 address as [address]:port)");
            }
            int port;
            try {
                port = Integer.parseInt(stripped.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new InvalidValueException("has a port that is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new InvalidValueException("has a port outside 1-65535");
            }
            return stripped;
        }
    },
    PROXY_MODE("none, explicit, pac or auto") {
        @Override
        Object parse(String text) throws InvalidValueException {
            String mode = text.strip().toLowerCase(Locale.ROOT);
            if (!java.util.List.of("none", "explicit", "pac", "auto").contains(mode)) {
                throw new InvalidValueException("is not one of none, explicit, pac, auto");
            }
            return mode;
        }
    },
    WEB_URL("an http:// or https:// URL, or empty for none") {
        @Override
        Object parse(String text) throws InvalidValueException {
            String stripped = text.strip();
            if (stripped.isEmpty()) {
                return "";
            }
            try {
                URI uri = new URI(stripped);
                String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new InvalidValueException("is not an http:// or https:// URL with a host");
                }
                return stripped;
            } catch (URISyntaxException e) {
                throw new InvalidValueException("is not a valid URL: " + e.getReason());
            }
        }
    },
    CAMERA("none, test-pattern, image:FILE, clip:FILE or v4l2:DEVICE") {
        @Override
        Object parse(String text) throws InvalidValueException {
            try {
                return CameraSelection.parse(text);
            } catch (InvalidPathException e) {
                throw new InvalidValueException("is not a valid path: " + e.getReason());
            }
        }
    },
    VIDEO_SOURCE("auto, camera or test-pattern") {
        @Override
        Object parse(String text) throws InvalidValueException {
            return VideoSourceMode.fromKeyword(text.strip())
                    .orElseThrow(() -> new InvalidValueException("is not one of auto, camera, test-pattern"));
        }
    };

    /** The value of a {@link #FILE} setting that is deliberately left empty. */
    public static final Path NO_FILE = Path.of("");

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String expected;

    SettingType(String expected) {
        this.expected = expected;
    }

    /** What a valid value looks like, for error messages and the documentation. */
    public String expected() {
        return expected;
    }

    abstract Object parse(String text) throws InvalidValueException;

    private static Duration parseDuration(String text) throws InvalidValueException {
        Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("is not a duration");
            }
        }
        if (duration.isNegative()) {
            throw new InvalidValueException("is negative");
        }
        return duration;
    }

    /** A value that its setting's type cannot read. */
    static final class InvalidValueException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidValueException(String problem) {
            super(problem);
        }
    }
}
