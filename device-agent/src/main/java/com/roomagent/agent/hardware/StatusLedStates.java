package com.roomagent.agent.hardware;

import com.roomagent.agent.provisioning.ProvisioningStatus;
import com.roomagent.agent.signaling.SignalingState;
import com.roomagent.hal.led.AgentState;

/**
 * Which agent state the status LED shows (docs/hal.md, "Status LED"): provisioning until the device
 * has an identity, then registering until the cloud welcomes its event channel, registered while the
 * channel is open, registering again while it reconnects, and error when only a person can help.
 */
public final class StatusLedStates {
    private StatusLedStates() {}

    /**
     * @param provisioning where provisioning stands
     * @param registration where registration stands (docs/signaling.md, "States")
     * @param needsAttention whether the agent is stuck on something only a person can fix (discovery
     *     could not start after provisioning: unreadable trust anchors)
     */
    public static AgentState of(
            ProvisioningStatus.State provisioning, SignalingState registration, boolean needsAttention) {
        if (needsAttention) {
            return AgentState.ERROR;
        }
        if (provisioning != ProvisioningStatus.State.PROVISIONED) {
            return AgentState.PROVISIONING;
        }
        if (registration instanceof SignalingState.Failed) {
            return AgentState.ERROR;
        }
        return registration instanceof SignalingState.Registered ? AgentState.REGISTERED : AgentState.REGISTERING;
    }
}
