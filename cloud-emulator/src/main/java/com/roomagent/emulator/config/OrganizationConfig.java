package com.roomagent.emulator.config;

import com.roomagent.protocol.activation.OrganizationSettings;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization a device joins when an administrator does not name another, and the URLs (R3)
 * every activation hands out.
 *
 * @param id the default organization id (default {@value #DEFAULT_ID})
 * @param contentUrl file and content storage; default {@code <signalingUri>/content}
 * @param upgradeUrl software upgrades; default {@code <signalingUri>/upgrades}
 * @param metricsUrl metrics and analytics; default {@code <signalingUri>/metrics}
 */
public record OrganizationConfig(
        String id, Optional<URI> contentUrl, Optional<URI> upgradeUrl, Optional<URI> metricsUrl) {
    public static final String DEFAULT_ID = "org-demo";

    public OrganizationConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contentUrl, "contentUrl");
        Objects.requireNonNull(upgradeUrl, "upgradeUrl");
        Objects.requireNonNull(metricsUrl, "metricsUrl");
    }

    /** Organization {@value #DEFAULT_ID}, every URL under the signaling URI. */
    public static OrganizationConfig defaults() {
        return new OrganizationConfig(DEFAULT_ID, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The settings devices receive, with the URLs not configured placed under {@code signalingUri}
     * (which is known only once the signaling server is bound, as its port may be ephemeral).
     */
    public OrganizationSettings settings(URI signalingUri) {
        return new OrganizationSettings(
                signalingUri,
                contentUrl.orElseGet(() -> under(signalingUri, "/content")),
                upgradeUrl.orElseGet(() -> under(signalingUri, "/upgrades")),
                metricsUrl.orElseGet(() -> under(signalingUri, "/metrics")));
    }

    private static URI under(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
