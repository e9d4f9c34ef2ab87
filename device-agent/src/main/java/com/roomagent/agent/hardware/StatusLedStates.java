package com.roomagent.agent.hardware;

import com.roomagent.agent.provisioning.ProvisioningStatus;
import com.roomagent.hal.led.AgentState;

/**
 * Which agent state the status LED shows (docs/hal.md, "Status LED"). Registration with the cloud
 * does not exist yet: until it does, a provisioned agent counts as registering until discovery has
 * produced a report, and as registered from then on.
 */
public final class StatusLedStates {
    private StatusLedStates() {}

    /**
     * @param provisioning where provisioning stands
     * @param discovered whether discovery produced a report since the agent was provisioned
     * @param needsAttention whether the agent is stuck on something only a person can fix (discovery
     *     could not start after provisioning: unreadable trust anchors)
     */
    public static AgentState of(ProvisioningStatus.State provisioning, boolean discovered, boolean needsAttention) {
        if (needsAttention) {
            return AgentState.ERROR;
        }
        if (provisioning != ProvisioningStatus.State.PROVISIONED) {
            return AgentState.PROVISIONING;
        }
        return discovered ? AgentState.REGISTERED : AgentState.REGISTERING;
    }
}
