package com.roomagent.hal.led;

/** What the agent is doing, as the status LED shows it. */
public enum AgentState {
    /** Waiting for an installer: showing a QR code, scanning one, or waiting for a code. */
    PROVISIONING(LedPattern.BREATHING),
    /** Provisioned, connecting to the cloud. */
    REGISTERING(LedPattern.SLOW_BLINK),
    /** Registered and idle: ready for a meeting. */
    REGISTERED(LedPattern.DIM),
    /** In a meeting: camera and microphone may be live. */
    IN_MEETING(LedPattern.SOLID),
    /** Something needs attention: see the agent's status. */
    ERROR(LedPattern.FAST_BLINK);

    private final LedPattern pattern;

    AgentState(LedPattern pattern) {
        this.pattern = pattern;
    }

    /** The pattern the status LED shows in this state. */
    public LedPattern pattern() {
        return pattern;
    }
}
