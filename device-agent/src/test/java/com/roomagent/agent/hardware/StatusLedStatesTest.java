package com.roomagent.agent.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.agent.provisioning.ProvisioningStatus.State;
import com.roomagent.agent.signaling.SignalingState;
import com.roomagent.hal.led.AgentState;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusLedStatesTest {
    private static final SignalingState REGISTERED =
            new SignalingState.Registered("reg-1", URI.create("wss://127.0.0.2/v1/devices/events"), Instant.EPOCH);

    @Test
    void everyStateBeforeAnIdentityShowsProvisioning() {
        for (State state : State.values()) {
            if (state != State.PROVISIONED) {
                assertEquals(
                        AgentState.PROVISIONING,
                        StatusLedStates.of(state, new SignalingState.Unregistered(), false),
                        state.id());
            }
        }
    }

    @Test
    void provisionedButNotYetWelcomedShowsRegistering() {
        assertEquals(
                AgentState.REGISTERING, StatusLedStates.of(State.PROVISIONED, new SignalingState.Registering(), false));
        assertEquals(
                AgentState.REGISTERING,
                StatusLedStates.of(State.PROVISIONED, new SignalingState.Unregistered(), false));
    }

    @Test
    void anOpenEventChannelShowsRegistered() {
        assertEquals(AgentState.REGISTERED, StatusLedStates.of(State.PROVISIONED, REGISTERED, false));
    }

    @Test
    void reconnectingShowsRegisteringAgain() {
        assertEquals(
                AgentState.REGISTERING,
                StatusLedStates.of(
                        State.PROVISIONED, new SignalingState.Reconnecting("cloud restart", Instant.EPOCH, 1), false));
    }

    @Test
    void aRefusedDeviceCertificateShowsError() {
        assertEquals(
                AgentState.ERROR,
                StatusLedStates.of(
                        State.PROVISIONED, new SignalingState.Failed("certificate refused", Instant.EPOCH), false));
    }

    @Test
    void somethingOnlyAPersonCanFixShowsErrorWhateverElseHolds() {
        assertEquals(AgentState.ERROR, StatusLedStates.of(State.PROVISIONED, REGISTERED, true));
        assertEquals(AgentState.ERROR, StatusLedStates.of(State.PAIRING, new SignalingState.Unregistered(), true));
    }
}
