package com.roomagent.hal.profile;

/** The H.264 encoder a board has ({@code board.video.encoder}), named as the profile writes it. */
public enum Encoder {
    /** A hardware encoder behind a V4L2 memory-to-memory device (GStreamer's {@code v4l2h264enc}). */
    V4L2H264ENC("v4l2h264enc"),
    /** Software encoding with x264 (GStreamer's {@code x264enc}): works on any board, costs CPU. */
    X264("x264");

    private final String keyword;

    Encoder(String keyword) {
        this.keyword = keyword;
    }

    /** The value as written in a profile. */
    public String keyword() {
        return keyword;
    }
}
