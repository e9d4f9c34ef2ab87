package com.roomagent.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.discovery.DiscoveryJson;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's HTTP API as a device or an administrator calls it, over real HTTPS trusting only
 * {@code ca.pem}: requests with JSON bodies, and the checks tests make on the answers.
 */
public final class EmulatorApi {
    public static final ObjectMapper JSON = DiscoveryJson.mapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CloudEmulator emulator;
    private final HttpClient client;

    public EmulatorApi(CloudEmulator emulator) throws Exception {
        this.emulator = emulator;
        this.client = HttpClient.newBuilder()
                .sslContext(CaTrust.trusting(emulator.caCertificate()))
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** A device's request: no credentials. */
    public HttpResponse<String> post(String path, Object body) throws Exception {
        return send(request(path, Optional.empty()).POST(publisher(body)));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path, Optional.empty()).GET());
    }

    /** An administrator's request, with the emulator's admin token. */
    public HttpResponse<String> postAsAdmin(String path, Object body) throws Exception {
        return send(request(path, Optional.of(emulator.adminToken())).POST(publisher(body)));
    }

    public HttpResponse<String> getAsAdmin(String path) throws Exception {
        return send(request(path, Optional.of(emulator.adminToken())).GET());
    }

    /** A request with any Authorization header, for the tests of refusals. */
    public HttpResponse<String> postWithAuthorization(String path, String authorization, Object body) throws Exception {
        return send(request(path, Optional.empty())
                .header("Authorization", authorization)
                .POST(publisher(body)));
    }

    public static <T> T read(HttpResponse<String> response, Class<T> type) throws Exception {
        return JSON.readValue(response.body(), type);
    }

    public static CloudError error(HttpResponse<String> response) throws Exception {
        return read(response, CloudError.class);
    }

    /**
     * Validates {@code pemChain} (device certificate first) against {@code caPem} as PKIX does
     * (RFC 5280 section 6), at the real time, and returns the device certificate.
     */
    public static X509Certificate verifiedLeaf(List<String> pemChain, Path caPem) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (String pem : pemChain) {
            chain.add((X509Certificate)
                    factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        }
        X509Certificate ca = (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(java.nio.file.Files.readAllBytes(caPem)));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        // The path holds the certificates below the anchor.
        CertPathValidator.getInstance("PKIX")
                .validate(factory.generateCertPath(chain.subList(0, chain.size() - 1)), parameters);
        return chain.get(0);
    }

    private HttpRequest.Builder request(String path, Optional<String> token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(emulator.signalingUri() + path))
                .timeout(TIMEOUT);
        token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
        return builder.header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher publisher(Object body) throws Exception {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        byte[] bytes =
                body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        return HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
