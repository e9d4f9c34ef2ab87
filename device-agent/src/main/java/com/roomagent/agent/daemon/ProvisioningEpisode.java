package com.roomagent.agent.daemon;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.CameraSelection;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.provisioning.CameraQrWatcher;
import com.roomagent.agent.provisioning.DeviceDescription;
import com.roomagent.agent.provisioning.Display;
import com.roomagent.agent.provisioning.EnrollmentClient;
import com.roomagent.agent.provisioning.ProvisioningService;
import com.roomagent.agent.provisioning.ProvisioningTiming;
import com.roomagent.provisioning.identity.IdentityStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stretch of the daemon's life without an identity: the provisioning service with its thread
 * ({@code provisioning}), and the camera watcher when a camera is configured. Built from the
 * configuration of the moment, so a factory reset that changes the cloud URL starts the next one
 * against the right cloud. Owns all three and closes them.
 */
final class ProvisioningEpisode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningEpisode.class);

    private final ScheduledExecutorService thread;
    private final ProvisioningService service;
    private final Optional<CameraQrWatcher> camera;

    private ProvisioningEpisode(
            ScheduledExecutorService thread, ProvisioningService service, Optional<CameraQrWatcher> camera) {
        this.thread = thread;
        this.service = service;
        this.camera = camera;
    }

    /**
     * Starts pairing, and the camera watcher when {@code provisioning.camera} is set.
     *
     * @throws TrustAnchorException when the configured cloud trust anchors cannot be read
     */
    static ProvisioningEpisode start(
            AgentConfiguration configuration,
            IdentityStore store,
            Display display,
            Clock clock,
            ProvisioningService.Listener listener)
            throws TrustAnchorException {
        HttpClient http = DiscoveryAssembly.cloudHttp(configuration, DiscoveryAssembly.cloudTrust(configuration));
        EnrollmentClient cloud = new EnrollmentClient(
                http,
                configuration.get(AgentSettings.CLOUD_SIGNALING_URL),
                configuration.get(AgentSettings.CLOUD_REQUEST_TIMEOUT),
                clock);
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread named = new Thread(task, "provisioning");
            named.setDaemon(true);
            return named;
        });
        Random random = new Random();
        ProvisioningService service = new ProvisioningService(
                cloud, store, display, device(configuration), timing(configuration), thread, clock, random, listener);
        CameraSelection selection = configuration.get(AgentSettings.PROVISIONING_CAMERA);
        Optional<CameraQrWatcher> camera = selection.kind() == CameraSelection.Kind.NONE
                ? Optional.empty()
                : Optional.of(new CameraQrWatcher(
                        selection,
                        configuration.get(AgentSettings.PROVISIONING_CAMERA_SCAN_INTERVAL),
                        service,
                        random));
        service.start();
        camera.ifPresent(CameraQrWatcher::start);
        return new ProvisioningEpisode(thread, service, camera);
    }

    static DeviceDescription device(AgentConfiguration configuration) {
        return new DeviceDescription(
                configuration.get(AgentSettings.DEVICE_MODEL),
                DeviceDescription.serialNumber(
                        configuration.get(AgentSettings.DEVICE_SERIAL_NUMBER), DeviceDescription.MACHINE_ID));
    }

    static ProvisioningTiming timing(AgentConfiguration configuration) {
        return new ProvisioningTiming(
                configuration.get(AgentSettings.PROVISIONING_POLL_MAX_INTERVAL),
                configuration.get(AgentSettings.PROVISIONING_RETRY_INITIAL_INTERVAL),
                configuration.get(AgentSettings.PROVISIONING_RETRY_MAX_INTERVAL));
    }

    ProvisioningService service() {
        return service;
    }

    /** Stops the camera, then the service, then its thread (waiting up to 5 s for a request in flight). */
    @Override
    public void close() {
        camera.ifPresent(CameraQrWatcher::close);
        service.close();
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("event=provisioning-stop-slow thread=provisioning");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
