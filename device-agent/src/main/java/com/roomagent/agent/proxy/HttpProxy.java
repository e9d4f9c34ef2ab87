package com.roomagent.agent.proxy;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.Optional;

/**
 * The explicitly configured HTTP proxy ({@code network.httpProxy}) and its optional Basic
 * credentials. Immutable. {@link #toString()} never shows the password.
 */
public final class HttpProxy {
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    /**
     * @param host the proxy's name or address (an IPv6 address without brackets)
     * @param port the proxy's port, 1-65535
     * @param user the user name for Basic authentication; empty for none
     * @param password the password for Basic authentication; never logged
     */
    public HttpProxy(String host, int port, String user, String password) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port " + port + " is outside 1-65535");
        }
    }

    /** The proxy the configuration names, or empty when {@code network.httpProxy} is empty. */
    public static Optional<HttpProxy> from(AgentConfiguration configuration) {
        String hostPort = configuration.get(AgentSettings.NETWORK_HTTP_PROXY);
        if (hostPort.isEmpty()) {
            return Optional.empty();
        }
        // The setting's type checked the syntax: host:port, [IPv6]:port.
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return Optional.of(new HttpProxy(
                host,
                Integer.parseInt(hostPort.substring(colon + 1)),
                configuration.get(AgentSettings.NETWORK_HTTP_PROXY_USER),
                configuration.get(AgentSettings.NETWORK_HTTP_PROXY_PASSWORD)));
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The address to connect to, resolved at connection time (a proxy's name may move). */
    public InetSocketAddress address() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /**
     * Sends {@code builder}'s requests through this proxy and, with credentials, answers its Basic
     * challenges (and nobody else's). Called by {@code discovery.CloudHttp} only.
     */
    public HttpClient.Builder applyTo(HttpClient.Builder builder) {
        builder.proxy(ProxySelector.of(address()));
        if (hasCredentials()) {
            builder.authenticator(new ProxyAuthenticator(
                    user,
                    password,
                    (requestingHost, requestingPort) ->
                            requestingPort == port && host.equalsIgnoreCase(requestingHost)));
        }
        return builder;
    }

    /** Whether Basic credentials are configured. */
    public boolean hasCredentials() {
        return !user.isEmpty();
    }

    String user() {
        return user;
    }

    /** The password, for the authenticator only. */
    String password() {
        return password;
    }

    /** {@code host:port}, as operators write it. */
    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The proxy and whether credentials are set; never the password. */
    @Override
    public String toString() {
        return "HttpProxy[" + hostAndPort() + (hasCredentials() ? ", user " + user + "]" : ", no credentials]");
    }
}
