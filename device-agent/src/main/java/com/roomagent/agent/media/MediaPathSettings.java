package com.roomagent.agent.media;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.provisioning.Backoff;
import com.roomagent.transport.channel.ChannelSettings;
import com.roomagent.transport.keepalive.KeepaliveSettings;
import com.roomagent.transport.race.RaceSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The media path's timing, from the {@code media.*} settings (docs/media-path.md explains the
 * defaults).
 *
 * @param race the transport race ({@code media.raceStagger}, {@code media.graceWindow}, {@code
 *     media.attemptTimeout}, {@code media.raceTimeout})
 * @param keepalive the path's keepalive and loss detection ({@code media.keepaliveInterval},
 *     {@code media.consentTimeout}, {@code media.mediaTimeout})
 * @param dtlsHandshakeTimeout the longest one DTLS handshake may take ({@code
 *     media.dtlsHandshakeTimeout})
 * @param channel how channels are opened
 * @param retry the waits of an unavailable path between two attempts ({@code media.retryMinDelay},
 *     {@code media.retryMaxDelay})
 */
public record MediaPathSettings(
        RaceSettings race,
        KeepaliveSettings keepalive,
        Duration dtlsHandshakeTimeout,
        ChannelSettings channel,
        Backoff retry) {

    /** The default retry waits of an unavailable path: 1 s, doubling up to 30 s. */
    public static final Backoff DEFAULT_RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public MediaPathSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(dtlsHandshakeTimeout, "dtlsHandshakeTimeout");
        if (dtlsHandshakeTimeout.isNegative() || dtlsHandshakeTimeout.isZero()) {
            throw new IllegalArgumentException("dtlsHandshakeTimeout must be positive, got " + dtlsHandshakeTimeout);
        }
    }

    /** The defaults of every {@code media.*} timing setting. */
    public static MediaPathSettings defaults() {
        return new MediaPathSettings(
                RaceSettings.defaults(),
                KeepaliveSettings.defaults(),
                Duration.ofSeconds(5),
                ChannelSettings.defaults(),
                DEFAULT_RETRY);
    }

    /**
     * From the agent's {@code media.*} settings; the STUN retransmission timeout and channel
     * limits keep their defaults.
     *
     * @throws IllegalArgumentException naming the settings when {@code media.consentTimeout} is not
     *     longer than {@code media.keepaliveInterval}
     */
    public static MediaPathSettings from(AgentConfiguration configuration) {
        RaceSettings race = new RaceSettings(
                configuration.get(AgentSettings.MEDIA_RACE_STAGGER),
                configuration.get(AgentSettings.MEDIA_GRACE_WINDOW),
                configuration.get(AgentSettings.MEDIA_ATTEMPT_TIMEOUT),
                RaceSettings.defaults().stunInitialRto(),
                configuration.get(AgentSettings.MEDIA_RACE_TIMEOUT));
        KeepaliveSettings keepalive;
        try {
            keepalive = new KeepaliveSettings(
                    configuration.get(AgentSettings.MEDIA_KEEPALIVE_INTERVAL),
                    configuration.get(AgentSettings.MEDIA_CONSENT_TIMEOUT),
                    configuration.get(AgentSettings.MEDIA_MEDIA_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "media.consentTimeout and media.keepaliveInterval disagree: " + e.getMessage(), e);
        }
        Duration retryMin = configuration.get(AgentSettings.MEDIA_RETRY_MIN_DELAY);
        Duration retryMax = configuration.get(AgentSettings.MEDIA_RETRY_MAX_DELAY);
        return new MediaPathSettings(
                race,
                keepalive,
                configuration.get(AgentSettings.MEDIA_DTLS_HANDSHAKE_TIMEOUT),
                ChannelSettings.defaults(),
                new Backoff(retryMin, retryMax.compareTo(retryMin) < 0 ? retryMin : retryMax));
    }
}
