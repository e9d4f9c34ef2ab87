package com.roomagent.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What a failure at the proxy says, from the JDK's errors alone: no network. */
class ProxyFailureTest {
    private static final URI CLOUD = URI.create("https://cloud.example.com/v1/activations");
    private static final HttpProxy PROXY = new HttpProxy("proxy.corp", 3128, "", "");
    private static final HttpProxy WITH_CREDENTIALS = new HttpProxy("proxy.corp", 3128, "room", "s3cret-pw");

    private static HttpClient through(HttpProxy proxy) {
        return proxy.applyTo(HttpClient.newBuilder()).build();
    }

    @Test
    void javaNetHttpsTunnelFailureTextGivesTheStatus() {
        // jdk.internal.net.http.PlainTunnelingConnection, OpenJDK 11 to 21
        assertEquals(OptionalInt.of(403), ProxyFailure.tunnelStatus(new IOException("Tunnel failed, got: 403")));
    }

    @Test
    void httpUrlConnectionsTunnelFailureTextGivesTheStatus() {
        // sun.net.www.protocol.http.HttpURLConnection
        IOException error = new IOException("Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 403 Forbidden\"");
        assertEquals(OptionalInt.of(403), ProxyFailure.tunnelStatus(error));
        assertEquals(
                OptionalInt.of(407),
                ProxyFailure.tunnelStatus(
                        new IOException(
                                "Unable to tunnel through proxy. Proxy returns \"HTTP/1.0 407 Proxy Authentication Required\"")));
    }

    @Test
    void javaNetHttpGivingUpAfterRepeatedChallengesIsAnAuthFailure() {
        // jdk.internal.net.http.AuthenticationFilter, OpenJDK 11 to 21: squid with a wrong password
        IOException error = new IOException("too many authentication attempts. Limit: 3");
        assertTrue(ProxyFailure.authenticationGaveUp(new IOException("request failed", error)));
        ProxyFailure failure =
                ProxyFailure.classify(error, through(WITH_CREDENTIALS), CLOUD).orElseThrow();
        assertEquals(ProxyFailure.Kind.AUTH_REQUIRED, failure.kind());
        assertEquals(407, failure.status());
        assertFalse(failure.message().contains("s3cret-pw"));
    }

    @Test
    void tunnelStatusIsFoundInACause() {
        IOException wrapped = new IOException("request failed", new IOException("Tunnel failed, got: 502"));
        assertEquals(OptionalInt.of(502), ProxyFailure.tunnelStatus(wrapped));
    }

    @Test
    void otherTextsWithNumbersGiveNoStatus() {
        assertEquals(OptionalInt.empty(), ProxyFailure.tunnelStatus(new IOException("got 403 bytes")));
        assertEquals(OptionalInt.empty(), ProxyFailure.tunnelStatus(new IOException("Tunnel failed, got: 40")));
        assertEquals(OptionalInt.empty(), ProxyFailure.tunnelStatus(new IOException((String) null)));
    }

    @Test
    void forbiddenTunnelIsRefusedNamingProxyCloudAndWhatToAsk() {
        ProxyFailure failure = ProxyFailure.classify(new IOException("Tunnel failed, got: 403"), through(PROXY), CLOUD)
                .orElseThrow();

        assertEquals(ProxyFailure.Kind.REFUSED, failure.kind());
        assertEquals(403, failure.status());
        assertEquals(
                "The HTTP proxy proxy.corp:3128 refused to connect to cloud.example.com:443 (HTTP 403); ask the"
                        + " network administrator to allow HTTPS to cloud.example.com through the proxy. The"
                        + " device retries by itself.",
                failure.message());
    }

    @Test
    void badGatewayIsRefusedAsTheCloudUnreachableBehindTheProxy() {
        ProxyFailure failure = ProxyFailure.classify(new IOException("Tunnel failed, got: 502"), through(PROXY), CLOUD)
                .orElseThrow();

        assertEquals(ProxyFailure.Kind.REFUSED, failure.kind());
        assertTrue(failure.message().contains("could not connect to cloud.example.com:443 (HTTP 502)"));
    }

    @Test
    void proxyAuthenticationWithoutCredentialsSaysWhichKeysToSet() {
        ProxyFailure failure = ProxyFailure.fromResponse(through(PROXY), CLOUD, 407, List.of("Basic realm=\"corp\""))
                .orElseThrow();

        assertEquals(ProxyFailure.Kind.AUTH_REQUIRED, failure.kind());
        assertTrue(
                failure.message()
                        .endsWith("has no credentials for it: set network.httpProxyUser and"
                                + " network.httpProxyPassword."),
                failure.message());
    }

    @Test
    void rejectedCredentialsAreNamedButNeverShown() {
        // tinyproxy answers a wrong password with 401, which the JDK reports as a failed tunnel.
        ProxyFailure failure = ProxyFailure.classify(
                        new IOException("Tunnel failed, got: 401"), through(WITH_CREDENTIALS), CLOUD)
                .orElseThrow();

        assertEquals(ProxyFailure.Kind.AUTH_REQUIRED, failure.kind());
        assertFalse(failure.message().contains("s3cret-pw"), failure.message());
        assertFalse(WITH_CREDENTIALS.toString().contains("s3cret-pw"));
    }

    @Test
    void schemesOtherThanBasicAreNamedAsUnsupported() {
        ProxyFailure failure = ProxyFailure.fromResponse(
                        through(WITH_CREDENTIALS), CLOUD, 407, List.of("NTLM", "Negotiate", "Digest realm=\"x\""))
                .orElseThrow();

        assertTrue(
                failure.message().contains("with ntlm, negotiate, digest, which the device does not support"),
                failure.message());
    }

    @Test
    void refusedConnectionToTheProxyIsUnreachable() {
        ProxyFailure failure = ProxyFailure.classify(
                        new IOException("x", new ConnectException()), through(PROXY), CLOUD)
                .orElseThrow();

        assertEquals(ProxyFailure.Kind.UNREACHABLE, failure.kind());
        assertTrue(
                failure.message()
                        .startsWith("The device cannot connect to its HTTP proxy at proxy.corp:3128"
                                + " (connection refused)."),
                failure.message());
    }

    @Test
    void unresolvableProxyNameIsUnreachableAtDns() {
        IOException error = new IOException("x", new UnresolvedAddressException());
        ProxyFailure failure =
                ProxyFailure.classify(error, through(PROXY), CLOUD).orElseThrow();

        assertEquals(ProxyFailure.Kind.UNREACHABLE, failure.kind());
        assertTrue(failure.message().contains("the name proxy.corp does not resolve"), failure.message());
    }

    @Test
    void connectTimeoutThroughAProxyIsTheProxysTimeout() {
        ProxyFailure failure = ProxyFailure.classify(
                        new HttpConnectTimeoutException("HTTP connect timed out"), through(PROXY), CLOUD)
                .orElseThrow();

        assertEquals(ProxyFailure.Kind.TIMEOUT, failure.kind());
    }

    @Test
    void withoutAProxyNothingIsTheProxysFault() {
        HttpClient direct =
                HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

        assertEquals(
                Optional.empty(), ProxyFailure.classify(new IOException("Tunnel failed, got: 403"), direct, CLOUD));
        assertEquals(Optional.empty(), ProxyFailure.fromResponse(direct, CLOUD, 407, List.of()));
    }

    @Test
    void anOrdinaryStatusThroughAProxyIsTheClouds() {
        assertEquals(Optional.empty(), ProxyFailure.fromResponse(through(PROXY), CLOUD, 403, List.of()));
    }
}
