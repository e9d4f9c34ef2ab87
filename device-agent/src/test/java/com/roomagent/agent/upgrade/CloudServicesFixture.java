package com.roomagent.agent.upgrade;

import com.roomagent.agent.daemon.TestIdentities;
import com.roomagent.agent.discovery.CloudHttp;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.agent.signaling.DeviceTls;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.provisioning.identity.DeviceIdentity;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** An in-process cloud emulator and a device provisioned by it, talking mutual TLS: for upgrade and metrics tests. */
public record CloudServicesFixture(CloudEmulator emulator, DeviceIdentity identity, HttpClient http, Path deviceState)
        implements AutoCloseable {

    /** Starts an emulator with one UDP node on loopback (the emulator needs one), and provisions a device. */
    public static CloudServicesFixture start(Path directory) throws Exception {
        NodeConfig node = NodeConfig.builder("node-1", "127.0.0.1")
                .region("loopback")
                .port(MediaTransport.UDP, 0)
                .mode(MediaTransport.UDP, TransportMode.SERVE)
                .build();
        CloudEmulator emulator = CloudEmulator.start(EmulatorConfig.loopback(node), directory.resolve("emulator"));
        try {
            Path deviceState = directory.resolve("device-state");
            DeviceIdentity identity = TestIdentities.provision(emulator, deviceState);
            SSLContext tls = DeviceTls.sslContext(identity, Optional.of(TrustAnchors.read(emulator.caCertificate())));
            return new CloudServicesFixture(
                    emulator, identity, CloudHttp.client(tls, Duration.ofSeconds(5)), deviceState);
        } catch (Exception | Error e) {
            emulator.close();
            throw e;
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
