package com.roomagent.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.state.AtomicFile;
import com.roomagent.protocol.discovery.DiscoveryJson;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The file a script waits for: written atomically once every listener accepts traffic, deleted at
 * start and at stop, so its presence always means "ready" and its content is always whole.
 *
 * @param signalingUri the signaling base URI, for example {@code https://127.0.0.1:443}
 * @param caCertificate the absolute path of the CA certificate devices must trust
 * @param adminTokenFile the absolute path of the administrator's token ({@code cloud-emulator
 *     issue-code --ready-file} reads it)
 */
record ReadyFile(String signalingUri, String caCertificate, String adminTokenFile) {
    private static final ObjectMapper MAPPER = DiscoveryJson.mapper();

    static ReadyFile of(CloudEmulator emulator) {
        return new ReadyFile(
                emulator.signalingUri().toString(),
                emulator.caCertificate().toString(),
                emulator.adminTokenFile().toString());
    }

    void writeTo(Path file) throws IOException {
        AtomicFile.write(file, MAPPER.writeValueAsBytes(this), AtomicFile.PUBLIC);
    }
}
