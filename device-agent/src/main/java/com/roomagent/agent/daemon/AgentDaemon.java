package com.roomagent.agent.daemon;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.discovery.DiscoveryService;
import com.roomagent.agent.discovery.NetworkStateSource;
import com.roomagent.agent.discovery.TrustAnchorException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running agent a room system boots ({@code room-agent run}). At this stage it discovers
 * media nodes at start, again when the network changes and when the results expire (R9), and
 * keeps the latest results. Later issues add provisioning, registration and meetings here.
 *
 * <p>Threads: one scheduler thread, {@code discovery-scheduler}, owned by this class, runs the
 * discovery service's timers and probes (the prober uses its own short-lived pool per probe).
 */
public final class AgentDaemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentDaemon.class);

    private final AgentConfiguration configuration;
    private final DiscoveryService discovery;
    private final NetworkStateSource network;
    private final ScheduledExecutorService scheduler;

    /**
     * @throws TrustAnchorException when the configured cloud trust anchors cannot be read
     */
    public AgentDaemon(AgentConfiguration configuration, Clock clock, NetworkStateSource network)
            throws TrustAnchorException {
        this.configuration = configuration;
        this.discovery = DiscoveryAssembly.discoveryService(configuration, clock);
        this.network = network;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "discovery-scheduler-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts discovery: a first probe now, then on network change and on expiry. */
    public void start() {
        log.info(
                "agent.starting device={} cloud={} configDir={} stateDir={}",
                configuration.deviceId(),
                configuration.get(AgentSettings.CLOUD_SIGNALING_URL),
                configuration.configDirectory(),
                configuration.stateDirectory());
        discovery.start(scheduler, network, DiscoveryAssembly.scheduling(configuration));
        discovery.requestDiscovery(DiscoveryService.TRIGGER_BOOT);
        log.info("agent.started device={}", configuration.deviceId());
    }

    /** The discovery service, for status queries. */
    public DiscoveryService discovery() {
        return discovery;
    }

    /** Stops discovery and its scheduler; waits up to 5 s for a probe in flight to notice. */
    @Override
    public void close() {
        log.info("agent.stopping");
        discovery.close();
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("agent.stop.slow thread=discovery-scheduler reason=\"a probe did not stop within 5 s\"");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("agent.stopped");
    }
}
