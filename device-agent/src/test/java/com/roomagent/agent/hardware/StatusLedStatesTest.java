package com.roomagent.agent.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.agent.provisioning.ProvisioningStatus.State;
import com.roomagent.hal.led.AgentState;
import org.junit.jupiter.api.Test;

class StatusLedStatesTest {
    @Test
    void everyStateBeforeAnIdentityShowsProvisioning() {
        for (State state : State.values()) {
            if (state != State.PROVISIONED) {
                assertEquals(AgentState.PROVISIONING, StatusLedStates.of(state, false, false), state.id());
            }
        }
    }

    @Test
    void provisionedWithoutADiscoveryReportShowsRegistering() {
        assertEquals(AgentState.REGISTERING, StatusLedStates.of(State.PROVISIONED, false, false));
    }

    @Test
    void provisionedWithADiscoveryReportShowsRegistered() {
        assertEquals(AgentState.REGISTERED, StatusLedStates.of(State.PROVISIONED, true, false));
    }

    @Test
    void somethingOnlyAPersonCanFixShowsErrorWhateverElseHolds() {
        assertEquals(AgentState.ERROR, StatusLedStates.of(State.PROVISIONED, true, true));
        assertEquals(AgentState.ERROR, StatusLedStates.of(State.PAIRING, false, true));
    }
}
