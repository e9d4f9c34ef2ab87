package com.roomagent.agent.discovery;

import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client for discovery's calls to the signaling service, for callers that have none (the
 * CLI). The daemon passes its signaling client's own {@link HttpClient} instead, so that proxy
 * settings and the device certificate apply to discovery too.
 */
public final class CloudHttp {
    private CloudHttp() {}

    /**
     * A client trusting {@code trust} (see {@link TrustAnchors}), with {@code connectTimeout} for
     * opening connections and no proxy. The JDK's client has no close method before Java 21; its
     * threads end when it is no longer referenced.
     */
    public static HttpClient client(SSLContext trust, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .sslContext(trust)
                .connectTimeout(connectTimeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
