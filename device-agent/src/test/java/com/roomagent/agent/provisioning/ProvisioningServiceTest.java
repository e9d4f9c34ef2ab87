package com.roomagent.agent.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.agent.discovery.CloudHttp;
import com.roomagent.agent.discovery.MutableClock;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.agent.provisioning.ProvisioningStatus.State;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.SignalingConfig;
import com.roomagent.emulator.provisioning.Provisioning;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.PairingSession;
import com.roomagent.provisioning.identity.CertificateRequests;
import com.roomagent.provisioning.identity.DeviceIdentity;
import com.roomagent.provisioning.identity.IdentityStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The provisioning state machine against the real cloud emulator, on a real provisioning thread. */
@Timeout(60)
class ProvisioningServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ProvisioningTiming FAST =
            new ProvisioningTiming(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(400));

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<ScheduledExecutorService> threads = new ArrayList<>();
    private final RecordingDisplay display = new RecordingDisplay();
    private final List<DeviceIdentity> provisioned = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        for (ScheduledExecutorService thread : threads) {
            thread.shutdownNow();
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private CloudEmulator emulator(EmulatorConfig config, String name, Clock clock) throws Exception {
        CloudEmulator emulator = CloudEmulator.start(config, emulatorState.resolve(name), clock);
        resources.add(emulator);
        return emulator;
    }

    private CloudEmulator emulator() throws Exception {
        return emulator(EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), "cloud", Clock.systemUTC());
    }

    private ProvisioningService service(URI cloud, Path trust) throws Exception {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        threads.add(thread);
        EnrollmentClient client = new EnrollmentClient(
                CloudHttp.client(TrustAnchors.sslContextTrusting(trust), Duration.ofSeconds(2)),
                cloud,
                Duration.ofSeconds(5),
                Clock.systemUTC());
        ProvisioningService service = new ProvisioningService(
                client,
                new IdentityStore(stateDir),
                display,
                new DeviceDescription("emulated-board", "TEST-1"),
                FAST,
                thread,
                Clock.systemUTC(),
                new Random(1),
                identity -> {
                    synchronized (provisioned) {
                        provisioned.add(identity);
                    }
                });
        resources.add(0, service);
        return service;
    }

    private ProvisioningService service(CloudEmulator emulator) throws Exception {
        return service(emulator.signalingUri(), emulator.caCertificate());
    }

    @Test
    void pendingKeyIsSavedBeforeTheRequestAndReusedAfterARestart() throws Exception {
        CloudEmulator emulator = emulator();
        String code = emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode();
        ProvisioningService crashed = service(closedPort(), emulator.caCertificate());
        ActivationResult unreachable = crashed.activate(code, ProvisioningService.Source.CONTROL_SOCKET)
                .get();
        assertInstanceOf(ActivationResult.Failed.class, unreachable);
        KeyPair pending = new IdentityStore(stateDir).loadPendingKey().orElseGet(() -> fail("no pending key"));
        crashed.close();
        threads.get(0).shutdownNow();

        ActivationResult result = service(emulator)
                .activate(code, ProvisioningService.Source.CONTROL_SOCKET)
                .get();

        DeviceIdentity identity =
                assertInstanceOf(ActivationResult.Provisioned.class, result).identity();
        assertEquals(pending.getPublic(), identity.certificate().getPublicKey());
        assertTrue(new IdentityStore(stateDir).loadPendingKey().isEmpty(), "the pending key is cleared");
        assertEquals(
                identity.deviceId(),
                new IdentityStore(stateDir).load().orElseThrow().deviceId());
    }

    @Test
    void codeTheCloudAcceptedBeforeACrashIsAcceptedAgainForTheSameKey() throws Exception {
        CloudEmulator emulator = emulator();
        String code = emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode();
        // The device saved its key and sent the request; the cloud answered; the device died before storing.
        KeyPair keys = new DeviceKeyring(new IdentityStore(stateDir), "TEST-1").pendingKeys();
        String firstDeviceId = emulator.provisioning()
                .activate(new ActivationRequest(
                        ActivationCode.parse(code).digits(),
                        CertificateRequests.csrPem(keys, "TEST-1"),
                        "emulated-board",
                        "TEST-1"))
                .deviceId();

        ActivationResult result = service(emulator)
                .activate(code, ProvisioningService.Source.CONTROL_SOCKET)
                .get();

        assertEquals(
                firstDeviceId,
                assertInstanceOf(ActivationResult.Provisioned.class, result)
                        .identity()
                        .deviceId());
    }

    @Test
    void firstSuccessWinsAndLaterCodesAreNotUsed() throws Exception {
        CloudEmulator emulator = emulator();
        ProvisioningService service = service(emulator);
        String first = emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode();
        String second = emulator.issueCode("org-b", Duration.ofMinutes(5)).activationCode();

        service.activate(first, ProvisioningService.Source.CAMERA).get();
        ActivationResult later = service.activate(second, ProvisioningService.Source.CONTROL_SOCKET)
                .get();

        assertEquals(
                "org-a",
                assertInstanceOf(ActivationResult.AlreadyProvisioned.class, later)
                        .identity()
                        .organizationId());
        assertEquals(1, emulator.activatedDevices().size());
        assertEquals(1, provisioned.size(), "the listener is told once");
        assertEquals(State.PROVISIONED, service.status().state());
    }

    @Test
    void pairingRetriesWithBackoffUntilTheCloudComesUp() throws Exception {
        // The CA first (kept in its state directory), so the device can trust a cloud not up yet.
        CloudEmulator first =
                emulator(EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), "cloud", Clock.systemUTC());
        Path ca = first.caCertificate();
        first.close();
        URI down = closedPort();
        ProvisioningService service = service(down, ca);

        service.start();
        await(() -> service.status().lastFailure().isPresent(), "a first failure");
        assertEquals(
                EnrollmentException.Failure.CLOUD_UNREACHABLE_TCP,
                service.status().lastFailure().orElseThrow().failure());
        assertEquals(State.UNPROVISIONED, service.status().state());
        CloudEmulator up = emulator(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build())
                        .withSignaling(new SignalingConfig(SignalingConfig.DEFAULT_HOST, down.getPort(), 10)),
                "cloud",
                Clock.systemUTC());

        await(() -> !display.sessions().isEmpty(), "a pairing session once the cloud is up");
        assertTrue(up.approvePairing(display.sessions().get(0).shortCode()));
        await(() -> service.status().state() == State.PROVISIONED, "provisioned");
    }

    @Test
    void expiredPairingIsReplacedByANewSession() throws Exception {
        MutableClock cloudClock = new MutableClock(Instant.now());
        CloudEmulator emulator =
                emulator(EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), "clocked", cloudClock);
        ProvisioningService service = service(emulator);

        service.start();
        await(() -> display.sessions().size() == 1, "a first pairing session");
        cloudClock.advance(Provisioning.PAIRING_VALIDITY.plusMinutes(1));

        await(() -> display.sessions().size() == 2, "a second pairing session");
        PairingSession renewed = display.sessions().get(1);
        assertNotEquals(display.sessions().get(0).shortCode(), renewed.shortCode());
        assertTrue(
                display.messages().stream().anyMatch(message -> message.contains("pairing code expired")),
                display.messages().toString());
        await(
                () -> service.status()
                        .pairing()
                        .map(PairingSession::pairingId)
                        .orElse("")
                        .equals(renewed.pairingId()),
                "status shows the new session");

        assertTrue(emulator.approvePairing(renewed.shortCode()));
        await(() -> service.status().state() == State.PROVISIONED, "provisioned by the renewed pairing");
        assertEquals(provisioned.get(0).deviceId() + "/" + provisioned.get(0).organizationId(), display.provisioned());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + WAIT);
            }
            Thread.sleep(20); // the provisioning thread polls the emulator over real HTTPS: bounded
        }
    }

    private static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("https://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
