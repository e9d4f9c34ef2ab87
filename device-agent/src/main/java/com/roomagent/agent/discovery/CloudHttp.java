package com.roomagent.agent.discovery;

import com.roomagent.agent.proxy.HttpProxy;
import com.roomagent.agent.proxy.ProxyConfiguration;
import com.roomagent.agent.proxy.ProxyTunneling;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The one place that builds the agent's HTTPS clients (activation, pairing, the node list,
 * reports): trust, connect timeout, no redirects, and the explicit HTTP proxy when one is
 * configured (R4, docs/proxy.md). Media never goes through these clients (R5): discovery's STUN
 * probes open their own plain sockets to the nodes.
 */
public final class CloudHttp {
    static {
        // In time when CloudHttp builds the process's first HttpClient; RoomAgentCommand.main has
        // done it already for the agent itself. See ProxyTunneling for why and what if too late.
        ProxyTunneling.allowBasic();
    }

    private CloudHttp() {}

    /** A client trusting {@code trust}, with no proxy: {@link #client(SSLContext, Duration, Optional)}. */
    public static HttpClient client(SSLContext trust, Duration connectTimeout) {
        return client(trust, connectTimeout, Optional.empty());
    }

    /**
     * A client trusting {@code trust} (see {@link TrustAnchors}), with {@code connectTimeout} for
     * opening connections (to the proxy, when there is one), tunnelling through {@code proxy} with
     * HTTP CONNECT when present, directly otherwise. The JDK's client has no close method before
     * Java 21; its threads end when it is no longer referenced.
     */
    public static HttpClient client(SSLContext trust, Duration connectTimeout, Optional<HttpProxy> proxy) {
        return client(trust, connectTimeout, ProxyConfiguration.explicit(proxy));
    }

    /**
     * A client trusting {@code trust}, with {@code connectTimeout}, reaching the cloud as {@code
     * proxies} says: directly, through the explicit proxy, or through the proxy a PAC file chooses
     * per request (HTTP CONNECT in both cases). WebSocket clients built from it ({@code
     * newWebSocketBuilder}) use the same proxy selection.
     */
    public static HttpClient client(SSLContext trust, Duration connectTimeout, ProxyConfiguration proxies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .sslContext(trust)
                .connectTimeout(connectTimeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER);
        proxies.applyTo(builder);
        return builder.build();
    }
}
