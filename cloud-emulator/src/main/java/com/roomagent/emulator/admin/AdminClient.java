package com.roomagent.emulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.provisioning.AdminMessages;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.upgrade.UpgradeManifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client of a running emulator's admin endpoints over HTTPS, trusting only the emulator's CA
 * certificate and presenting its admin token. Each call is one request, bounded by {@link
 * #CONNECT_TIMEOUT} and {@link #REQUEST_TIMEOUT}. Failures throw {@link AdminClientException} with a
 * message for people, never a stack trace.
 */
public final class AdminClient {
    /** How long connecting may take: the emulator is local, so a slow connect means it is not there. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long one request may take once connected. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = DiscoveryJson.mapper();

    private final EmulatorTarget target;
    private final HttpClient http;
    private final String token;

    private AdminClient(EmulatorTarget target, HttpClient http, String token) {
        this.target = target;
        this.http = http;
        this.token = token;
    }

    /**
     * Reads the target's CA certificate and admin token; connects nothing yet.
     *
     * @throws AdminClientException when either file is missing or unusable
     */
    public static AdminClient of(EmulatorTarget target) throws AdminClientException {
        SSLContext tls = trusting(target);
        String token;
        try {
            token = Files.readString(target.adminTokenFile(), StandardCharsets.US_ASCII)
                    .trim();
        } catch (NoSuchFileException e) {
            throw new AdminClientException(
                    "no admin token at " + target.adminTokenFile() + "; " + EmulatorTarget.START_HINT
                            + ", and pass the --state-dir it uses",
                    e);
        } catch (IOException e) {
            throw new AdminClientException(
                    "cannot read the admin token " + target.adminTokenFile() + ": " + e.getMessage()
                            + " (it is owner-only: run as the user who started the emulator)",
                    e);
        }
        HttpClient http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        return new AdminClient(target, http, token);
    }

    /** {@code POST /v1/admin/activation-codes}: a new code; absent arguments take the emulator's defaults. */
    public IssuedCode issueCode(Optional<String> organizationId, Optional<Duration> validFor)
            throws AdminClientException {
        var body = new AdminMessages.IssueCodeRequest(
                organizationId.orElse(null), validFor.map(Duration::toSeconds).orElse(null));
        return post("/v1/admin/activation-codes", body, IssuedCode.class);
    }

    /** {@code POST /v1/admin/pairings/{shortCode}/approve}. */
    public AdminMessages.PairingApproval approve(String shortCode, Optional<String> organizationId)
            throws AdminClientException {
        String path = "/v1/admin/pairings/" + URLEncoder.encode(shortCode, StandardCharsets.UTF_8) + "/approve";
        var body = new AdminMessages.ApprovePairingRequest(organizationId.orElse(null));
        return post(path, body, AdminMessages.PairingApproval.class);
    }

    /**
     * {@code PUT {upgradeUrl}/v1/admin/images/{version}}: publishes {@code image} as {@code
     * version}; the emulator signs its manifest. {@code upgradePath} is the upgrade URL's path on
     * the emulator ({@code /upgrades} by default).
     */
    public UpgradeManifest publishUpgrade(String upgradePath, String version, byte[] image)
            throws AdminClientException {
        URI uri =
                URI.create(stripSlash(target.signalingUri().toString()) + stripSlash(upgradePath) + "/v1/admin/images/"
                        + URLEncoder.encode(version, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT.multipliedBy(6))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image))
                .build();
        HttpResponse<byte[]> response = exchange(request);
        int status = response.statusCode();
        try {
            if (status / 100 == 2) {
                return JSON.readValue(response.body(), UpgradeManifest.class);
            }
            String message = JSON.readTree(response.body()).path("error").asText("no error message");
            throw new AdminClientException("the emulator refused to publish " + version + " at " + uri + ": " + message
                    + " (HTTP " + status + ")");
        } catch (IOException e) {
            throw new AdminClientException(
                    "unexpected answer from " + uri + " (HTTP " + status + "): " + e.getMessage(), e);
        }
    }

    private <T> T post(String path, Object body, Class<T> answer) throws AdminClientException {
        URI uri = URI.create(stripSlash(target.signalingUri().toString()) + path);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("admin requests always serialize", e);
        }
        return answer(exchange(request), answer);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws AdminClientException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new AdminClientException(
                    "cannot connect to " + target.signalingUri() + " (connection refused); "
                            + EmulatorTarget.START_HINT,
                    e);
        } catch (HttpConnectTimeoutException e) {
            throw new AdminClientException(
                    "no connection to " + target.signalingUri() + " within " + CONNECT_TIMEOUT.toSeconds() + " s; "
                            + EmulatorTarget.START_HINT,
                    e);
        } catch (HttpTimeoutException e) {
            throw new AdminClientException(
                    target.signalingUri() + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (SSLException e) {
            throw new AdminClientException(
                    "the server at " + target.signalingUri() + " is not the emulator whose CA is "
                            + target.caCertificate() + " (TLS: " + e.getMessage()
                            + "); pass the --state-dir or --ready-file of the running emulator",
                    e);
        } catch (IOException e) {
            throw new AdminClientException("cannot reach " + target.signalingUri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminClientException("interrupted while waiting for " + target.signalingUri(), e);
        }
    }

    private <T> T answer(HttpResponse<byte[]> response, Class<T> type) throws AdminClientException {
        int status = response.statusCode();
        try {
            if (status / 100 == 2) {
                return JSON.readValue(response.body(), type);
            }
            if (status == 401) {
                throw new AdminClientException("the emulator at " + target.signalingUri()
                        + " refused the admin token in " + target.adminTokenFile()
                        + "; pass the --state-dir or --ready-file of the running emulator");
            }
            CloudError error = JSON.readValue(response.body(), CloudError.class);
            throw new AdminClientException(error.message() + " (HTTP " + status + ", " + error.error() + ")");
        } catch (JsonProcessingException e) {
            throw new AdminClientException(
                    "unexpected answer from " + target.signalingUri() + " (HTTP " + status + "): "
                            + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new AdminClientException("cannot read the answer of " + target.signalingUri() + ": " + e, e);
        }
    }

    private static SSLContext trusting(EmulatorTarget target) throws AdminClientException {
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(target.caCertificate())) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new AdminClientException(
                    "no CA certificate at " + target.caCertificate() + "; " + EmulatorTarget.START_HINT
                            + ", and pass the --state-dir it uses",
                    e);
        } catch (IOException | GeneralSecurityException e) {
            throw new AdminClientException(
                    "cannot read the CA certificate " + target.caCertificate() + ": " + e.getMessage(), e);
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            anchors.setCertificateEntry("cloud-emulator-ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new AdminClientException("cannot set up TLS trusting " + target.caCertificate() + ": " + e, e);
        }
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
