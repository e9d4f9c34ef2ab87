package com.roomagent.protocol.activation;

import java.net.URI;
import java.util.Objects;

/**
 * The organization's base URLs, one per URL category of R3, provisioned at activation and
 * overridable by the device's administrator.
 *
 * @param signalingUrl messaging and signaling (HTTPS and WebSocket over TLS, R2)
 * @param contentUrl file and content storage
 * @param upgradeUrl software upgrades, usually a CDN (R19)
 * @param metricsUrl metrics and analytics (R20)
 */
public record OrganizationSettings(URI signalingUrl, URI contentUrl, URI upgradeUrl, URI metricsUrl) {
    public OrganizationSettings {
        Objects.requireNonNull(signalingUrl, "signalingUrl");
        Objects.requireNonNull(contentUrl, "contentUrl");
        Objects.requireNonNull(upgradeUrl, "upgradeUrl");
        Objects.requireNonNull(metricsUrl, "metricsUrl");
    }
}
