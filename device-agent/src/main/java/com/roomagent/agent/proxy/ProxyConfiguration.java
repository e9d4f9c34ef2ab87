package com.roomagent.agent.proxy;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.proxy.pac.PacEnvironment;
import com.roomagent.agent.proxy.pac.PacFetcher;
import com.roomagent.agent.proxy.wpad.WpadLocator;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the agent's HTTPS and WebSocket clients reach the cloud (R4): directly, through the explicit
 * proxy, or through the proxy a PAC file chooses per request (found at {@code network.pacUrl} or by
 * WPAD). Immutable; a PAC configuration shares one {@link PacProxySelector} (and so one cached PAC
 * file) among every client built from it. {@code discovery.CloudHttp} applies it to a builder.
 */
public final class ProxyConfiguration {
    private static final ProxyConfiguration DIRECT = new ProxyConfiguration(Optional.empty(), Optional.empty(), "", "");

    private final Optional<HttpProxy> explicit;
    private final Optional<PacProxySelector> pac;
    private final String user;
    private final String password;

    private ProxyConfiguration(
            Optional<HttpProxy> explicit, Optional<PacProxySelector> pac, String user, String password) {
        this.explicit = explicit;
        this.pac = pac;
        this.user = user;
        this.password = password;
    }

    /** No proxy at all. */
    public static ProxyConfiguration direct() {
        return DIRECT;
    }

    /** The explicit proxy, or direct when empty. */
    public static ProxyConfiguration explicit(Optional<HttpProxy> proxy) {
        return proxy.isEmpty() ? DIRECT : new ProxyConfiguration(proxy, Optional.empty(), "", "");
    }

    /**
     * The proxies {@code selector} chooses; {@code user} (empty for none) and {@code password}
     * answer their Basic challenges, and only theirs.
     */
    public static ProxyConfiguration pac(PacProxySelector selector, String user, String password) {
        return new ProxyConfiguration(
                Optional.empty(),
                Optional.of(selector),
                Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password"));
    }

    /**
     * What {@code configuration} asks for ({@code network.proxyMode} and its companions). With pac
     * or auto, the PAC file is fetched lazily, at the first request.
     *
     * @param pacHttp a client without a proxy for fetching the PAC file
     */
    public static ProxyConfiguration from(
            AgentConfiguration configuration, HttpClient pacHttp, PacEnvironment environment, Clock clock) {
        String mode = configuration.get(AgentSettings.NETWORK_PROXY_MODE);
        Supplier<List<URI>> candidates;
        switch (mode) {
            case "none":
                return DIRECT;
            case "pac":
                URI url = URI.create(configuration.get(AgentSettings.NETWORK_PAC_URL));
                candidates = () -> List.of(url);
                break;
            case "auto":
                WpadLocator wpad = WpadLocator.system();
                candidates = wpad::candidates;
                break;
            default:
                return explicit(HttpProxy.from(configuration));
        }
        Duration fetchLimit = configuration.get(AgentSettings.CLOUD_REQUEST_TIMEOUT);
        PacProxySelector selector = new PacProxySelector(
                candidates,
                new PacFetcher(pacHttp, fetchLimit),
                environment,
                configuration.get(AgentSettings.NETWORK_PAC_TIME_LIMIT),
                configuration.get(AgentSettings.NETWORK_PAC_REFRESH_INTERVAL),
                clock);
        return pac(
                selector,
                configuration.get(AgentSettings.NETWORK_HTTP_PROXY_USER),
                configuration.get(AgentSettings.NETWORK_HTTP_PROXY_PASSWORD));
    }

    /** The explicit proxy, when that is the configuration. */
    public Optional<HttpProxy> explicitProxy() {
        return explicit;
    }

    /** The PAC selector, when that is the configuration (the daemon invalidates it on network change). */
    public Optional<PacProxySelector> pacSelector() {
        return pac;
    }

    /** Sends {@code builder}'s requests as configured; called by {@code discovery.CloudHttp} only. */
    public HttpClient.Builder applyTo(HttpClient.Builder builder) {
        if (explicit.isPresent()) {
            return explicit.get().applyTo(builder);
        }
        builder.proxy(pac.isPresent() ? pac.get() : HttpClient.Builder.NO_PROXY);
        if (pac.isPresent() && !user.isEmpty()) {
            PacProxySelector selector = pac.get();
            builder.authenticator(new ProxyAuthenticator(user, password, selector::handedOut));
        }
        return builder;
    }

    /** The mode and proxy; never the password. */
    @Override
    public String toString() {
        if (explicit.isPresent()) {
            return "ProxyConfiguration[explicit " + explicit.get() + "]";
        }
        return pac.isPresent()
                ? "ProxyConfiguration[pac" + (user.isEmpty() ? ", no credentials]" : ", user " + user + "]")
                : "ProxyConfiguration[direct]";
    }
}
