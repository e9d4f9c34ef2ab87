package com.roomagent.protocol.signaling;

import java.net.URI;
import java.util.Objects;

/**
 * The cloud's answer to {@code POST /v1/devices/registrations} (docs/signaling.md, "Registration").
 * Registering again replaces the device's registration: a device has at most one.
 *
 * @param registrationId the registration's id, named in {@code hello} and in logs
 * @param deviceId the device, as its client certificate names it (subject CN)
 * @param eventChannelUrl where the device opens its event channel ({@code wss://}, port 443 in
 *     production, R2)
 * @param resumeToken the secret that lets the device resume this registration; never logged
 */
public record Registration(String registrationId, String deviceId, URI eventChannelUrl, String resumeToken) {
    public Registration {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(eventChannelUrl, "eventChannelUrl");
        Objects.requireNonNull(resumeToken, "resumeToken");
    }

    /** Everything but the resume token. */
    @Override
    public String toString() {
        return "Registration[registrationId=" + registrationId + ", deviceId=" + deviceId + ", eventChannelUrl="
                + eventChannelUrl + ", resumeToken=(hidden)]";
    }
}
