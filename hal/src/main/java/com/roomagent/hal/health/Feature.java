package com.roomagent.hal.health;

/** What a room gets from its board; each one works, is absent, or is degraded on its own. */
public enum Feature {
    CAMERA_POWER("camera power"),
    PRIVACY_SHUTTER("privacy shutter"),
    MUTE_BUTTON("mute button"),
    MUTE_LED("mute LED"),
    STATUS_LED("status LED"),
    AMBIENT_LIGHT("ambient light"),
    VIDEO_ENCODER("video encoder");

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    /** The feature's name for people and status output. */
    public String label() {
        return label;
    }
}
