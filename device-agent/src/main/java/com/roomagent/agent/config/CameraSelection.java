package com.roomagent.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which camera the agent watches for activation QR codes while unprovisioned ({@code
 * provisioning.camera}): none, a GStreamer test pattern, an image or clip file (the emulated
 * board's camera), or a V4L2 device.
 *
 * @param kind the kind of source
 * @param path the file or device for {@link Kind#IMAGE}, {@link Kind#CLIP} and {@link Kind#V4L2};
 *     {@link SettingType#NO_FILE} otherwise
 */
public record CameraSelection(Kind kind, Path path) {
    /** The kinds of camera source, with the prefix each takes in the setting. */
    public enum Kind {
        NONE("none"),
        TEST_PATTERN("test-pattern"),
        IMAGE("image:"),
        CLIP("clip:"),
        V4L2("v4l2:");

        private final String syntax;

        Kind(String syntax) {
            this.syntax = syntax;
        }

        /** The keyword, or for kinds that take a path the prefix before it. */
        public String syntax() {
            return syntax;
        }

        boolean takesPath() {
            return syntax.endsWith(":");
        }
    }

    /** No camera: the default. */
    public static final CameraSelection NONE = new CameraSelection(Kind.NONE, SettingType.NO_FILE);

    public CameraSelection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    /** The selection written as the setting takes it, for example {@code image:/tmp/qr.png}. */
    @Override
    public String toString() {
        return kind.takesPath() ? kind.syntax() + path : kind.syntax();
    }

    /**
     * Reads the setting's syntax.
     *
     * @throws SettingType.InvalidValueException saying what is accepted
     */
    static CameraSelection parse(String text) throws SettingType.InvalidValueException {
        String value = text.strip();
        if (value.isEmpty() || value.equals(Kind.NONE.syntax())) {
            return NONE;
        }
        if (value.equals(Kind.TEST_PATTERN.syntax())) {
            return new CameraSelection(Kind.TEST_PATTERN, SettingType.NO_FILE);
        }
        for (Kind kind : Kind.values()) {
            if (kind.takesPath() && value.startsWith(kind.syntax())) {
                String path = value.substring(kind.syntax().length()).strip();
                if (path.isEmpty()) {
                    throw new SettingType.InvalidValueException("names no file after " + kind.syntax());
                }
                return new CameraSelection(kind, Path.of(path));
            }
        }
        throw new SettingType.InvalidValueException("is not a camera source");
    }
}
