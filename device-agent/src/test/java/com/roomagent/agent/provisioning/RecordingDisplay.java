package com.roomagent.agent.provisioning;

import com.roomagent.protocol.activation.PairingSession;
import java.util.ArrayList;
import java.util.List;

/** A display that remembers what it was asked to show. Thread-safe. */
final class RecordingDisplay implements Display {
    private final List<PairingSession> sessions = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private String provisioned = "";

    @Override
    public synchronized void showPairing(PairingSession session) {
        sessions.add(session);
    }

    @Override
    public synchronized void showMessage(String message) {
        messages.add(message);
    }

    @Override
    public synchronized void showProvisioned(String deviceId, String organizationId) {
        provisioned = deviceId + "/" + organizationId;
    }

    synchronized List<PairingSession> sessions() {
        return List.copyOf(sessions);
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    synchronized String provisioned() {
        return provisioned;
    }
}
