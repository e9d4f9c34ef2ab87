package com.roomagent.agent.signaling;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.provisioning.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * The signaling client's timings, from the {@code cloud.*} settings (docs/configuration.md).
 *
 * @param connectTimeout to open a connection (registration and the event channel)
 * @param requestTimeout for the registration request, and for the channel's welcome
 * @param backoff reconnection waits ({@code cloud.reconnectMinDelay}, {@code cloud.reconnectMaxDelay})
 * @param heartbeatInterval between two pings
 * @param heartbeatTimeout for a pong, before the channel counts as dead
 */
public record SignalingTiming(
        Duration connectTimeout,
        Duration requestTimeout,
        Backoff backoff,
        Duration heartbeatInterval,
        Duration heartbeatTimeout) {
    public SignalingTiming {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    }

    public static SignalingTiming from(AgentConfiguration configuration) {
        Duration min = configuration.get(AgentSettings.CLOUD_RECONNECT_MIN_DELAY);
        Duration max = configuration.get(AgentSettings.CLOUD_RECONNECT_MAX_DELAY);
        return new SignalingTiming(
                configuration.get(AgentSettings.CLOUD_CONNECT_TIMEOUT),
                configuration.get(AgentSettings.CLOUD_REQUEST_TIMEOUT),
                new Backoff(min, max.compareTo(min) < 0 ? min : max),
                configuration.get(AgentSettings.CLOUD_HEARTBEAT_INTERVAL),
                configuration.get(AgentSettings.CLOUD_HEARTBEAT_TIMEOUT));
    }
}
