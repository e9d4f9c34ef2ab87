package com.roomagent.agent.call;

import java.util.Optional;

/** Where a call's video comes from: the setting {@code media.videoSource}. */
public enum VideoSourceMode {
    /** The test pattern on the emulated board, the HAL's camera on every other. */
    AUTO("auto"),
    /** The camera the HAL selected for the board, captured with {@code v4l2src}. */
    CAMERA("camera"),
    /** GStreamer's test pattern standing in for the camera (the emulated board, CI, the demo). */
    TEST_PATTERN("test-pattern");

    private final String keyword;

    VideoSourceMode(String keyword) {
        this.keyword = keyword;
    }

    /** The value as the setting writes it. */
    public String keyword() {
        return keyword;
    }

    /** The mode written {@code keyword}, if any. */
    public static Optional<VideoSourceMode> fromKeyword(String keyword) {
        for (VideoSourceMode mode : values()) {
            if (mode.keyword.equals(keyword)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** {@link #AUTO} resolved for a board: {@link #TEST_PATTERN} when emulated, {@link #CAMERA} otherwise. */
    public VideoSourceMode resolve(boolean emulatedBoard) {
        if (this != AUTO) {
            return this;
        }
        return emulatedBoard ? TEST_PATTERN : CAMERA;
    }

    @Override
    public String toString() {
        return keyword;
    }
}
