package com.roomagent.agent.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to the cloud failed at the HTTP proxy, not at the cloud: which {@link Kind}, and a
 * message for the installer or operator that names the proxy and the cloud's host and port, says
 * what to change, and never contains a credential. Pure functions of the error and the client's
 * proxy settings, so every message is tested without a network.
 */
public record ProxyFailure(Kind kind, String proxy, String target, int status, String message) {
    /** What went wrong at the proxy; each has a stable identifier (docs/proxy.md). */
    public enum Kind {
        /** No TCP connection to the proxy: refused, unreachable, or its name does not resolve. */
        UNREACHABLE("proxy-unreachable"),
        /** The proxy did not accept the connection, or answer the CONNECT, within the connect timeout. */
        TIMEOUT("proxy-timeout"),
        /** The proxy answered the CONNECT with a status other than 2xx, 401 or 407. */
        REFUSED("proxy-refused"),
        /** The proxy wants credentials (407, or 401 from some proxies) the device lacks or got wrong. */
        AUTH_REQUIRED("proxy-auth-required");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private static final String RETRIES = " The device retries by itself.";
    private static final String CREDENTIAL_KEYS = "network.httpProxyUser and network.httpProxyPassword";

    /**
     * The status line of a failed CONNECT, as the JDK puts it in an {@link IOException}'s message.
     * This is not API: we rely on the texts of OpenJDK 11 to 21. {@code java.net.http}
     * (PlainTunnelingConnection) writes {@code Tunnel failed, got: 403}; {@code HttpURLConnection}
     * writes {@code Unable to tunnel through proxy. Proxy returns "HTTP/1.1 403 Forbidden"}. A JDK
     * that changes them turns a refusal into the generic connection failure, never into a wrong
     * status; ProxyFailureTest pins both texts.
     */
    private static final Pattern TUNNEL_STATUS = Pattern.compile(
            "Tunnel failed, got: (\\d{3})\\b|Unable to tunnel through proxy\\. Proxy returns \"HTTP/\\d(?:\\.\\d)? (\\d{3})\\b");

    public ProxyFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The proxy {@code http} sends requests for {@code uri} through, if any. */
    public static Optional<InetSocketAddress> proxyOf(HttpClient http, URI uri) {
        Optional<ProxySelector> selector = http.proxy();
        if (selector.isEmpty()) {
            return Optional.empty();
        }
        // The JDK's client uses the first entry only: a DIRECT first means no proxy.
        List<Proxy> proxies = selector.get().select(uri);
        if (!proxies.isEmpty()
                && proxies.get(0).type() == Proxy.Type.HTTP
                && proxies.get(0).address() instanceof InetSocketAddress address) {
            return Optional.of(address);
        }
        return Optional.empty();
    }

    /**
     * What {@code error}, from a request for {@code uri} with {@code http}, says about the proxy;
     * empty when {@code http} uses no proxy or the failure lies beyond it (TLS with the cloud, a
     * broken connection after the tunnel was open).
     */
    public static Optional<ProxyFailure> classify(IOException error, HttpClient http, URI uri) {
        Optional<InetSocketAddress> address = proxyOf(http, uri);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String proxy = hostAndPort(address.get());
        String target = target(uri);
        if (authenticationGaveUp(error)) {
            // The JDK's client answered the proxy's 407 with our credentials three times and gave up:
            // the proxy refuses them (squid does this for a wrong password).
            return Optional.of(authRequired(http, proxy, target, 407, List.of()));
        }
        OptionalInt status = tunnelStatus(error);
        if (status.isPresent()) {
            int code = status.getAsInt();
            if (code == 401 || code == 407) {
                return Optional.of(authRequired(http, proxy, target, code, List.of()));
            }
            return Optional.of(refused(proxy, target, uri.getHost(), code));
        }
        if (error instanceof HttpConnectTimeoutException) {
            return Optional.of(new ProxyFailure(
                    Kind.TIMEOUT,
                    proxy,
                    target,
                    0,
                    "The HTTP proxy at " + proxy + " did not answer in time (accepting the connection, or"
                            + " opening the tunnel to " + target + "). Check network.httpProxy and that the proxy"
                            + " is running." + RETRIES));
        }
        if (has(error, UnknownHostException.class) || has(error, UnresolvedAddressException.class)) {
            return Optional.of(new ProxyFailure(
                    Kind.UNREACHABLE,
                    proxy,
                    target,
                    0,
                    "The device cannot find its HTTP proxy: the name "
                            + address.get().getHostString()
                            + " does not resolve (DNS). Check network.httpProxy and the network's DNS server."
                            + RETRIES));
        }
        if (has(error, ConnectException.class) || has(error, NoRouteToHostException.class)) {
            return Optional.of(new ProxyFailure(
                    Kind.UNREACHABLE,
                    proxy,
                    target,
                    0,
                    "The device cannot connect to its HTTP proxy at " + proxy + " (" + connectDetail(error)
                            + "). Check network.httpProxy and that the proxy is running." + RETRIES));
        }
        return Optional.empty();
    }

    /**
     * Tells {@code http}'s proxy selector that the proxy of {@code failure} could not be reached,
     * when it could not, so that a PAC selector tries its next entry on the next request.
     */
    public static void reportTo(HttpClient http, URI uri, ProxyFailure failure, IOException error) {
        if (failure.kind() == Kind.UNREACHABLE || failure.kind() == Kind.TIMEOUT) {
            Optional<InetSocketAddress> address = proxyOf(http, uri);
            if (address.isPresent() && http.proxy().isPresent()) {
                http.proxy().get().connectFailed(uri, address.get(), error);
            }
        }
    }

    /**
     * The proxy answered 407 itself, which the JDK's client hands back as the response when it
     * cannot (or may not) authenticate.
     *
     * @param challenges the response's {@code Proxy-Authenticate} header values
     */
    public static Optional<ProxyFailure> fromResponse(HttpClient http, URI uri, int status, List<String> challenges) {
        Optional<InetSocketAddress> address = proxyOf(http, uri);
        if (status != 407 || address.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(authRequired(http, hostAndPort(address.get()), target(uri), status, challenges));
    }

    private static ProxyFailure authRequired(
            HttpClient http, String proxy, String target, int status, List<String> challenges) {
        List<String> schemes = schemes(challenges);
        Optional<ProxyAuthenticator> ours = http.authenticator()
                .filter(ProxyAuthenticator.class::isInstance)
                .map(ProxyAuthenticator.class::cast);
        String head = "The HTTP proxy " + proxy + " requires authentication to connect to " + target + " (HTTP "
                + status + ")";
        String message;
        if (!schemes.isEmpty() && !schemes.get(0).equals("basic")) {
            // The JDK's client reads only the first challenge: Basic offered second is never used.
            message = head + " with " + String.join(", ", schemes) + ", which the device does not support: it"
                    + " authenticates to a proxy with Basic only, offered as the proxy's first choice. Ask the"
                    + " network administrator to offer Basic first to this device, or to let it reach " + target
                    + " without authentication.";
        } else if (ours.isEmpty()) {
            message = head + " and the device has no credentials for it: set " + CREDENTIAL_KEYS + ".";
        } else if (!ours.get().asked()) {
            message =
                    head + " and the device did not send its credentials." + ProxyTunneling.whyCredentialsWereNotSent();
        } else {
            message = head + " and refused the device's credentials: check " + CREDENTIAL_KEYS + ".";
        }
        return new ProxyFailure(Kind.AUTH_REQUIRED, proxy, target, status, message);
    }

    private static ProxyFailure refused(String proxy, String target, String host, int status) {
        String message = status >= 500
                ? "The HTTP proxy " + proxy + " could not connect to " + target + " (HTTP " + status + "): the"
                        + " cloud is down, or the proxy cannot reach it." + RETRIES
                : "The HTTP proxy " + proxy + " refused to connect to " + target + " (HTTP " + status + "); ask"
                        + " the network administrator to allow HTTPS to " + host + " through the proxy."
                        + RETRIES;
        return new ProxyFailure(Kind.REFUSED, proxy, target, status, message);
    }

    /** The status of a failed CONNECT in {@code error} or its causes (see {@link #TUNNEL_STATUS}). */
    static OptionalInt tunnelStatus(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Matcher matcher = TUNNEL_STATUS.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                String digits = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                return OptionalInt.of(Integer.parseInt(digits));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Whether the JDK's client gave up after repeated challenges: {@code too many authentication
     * attempts. Limit: 3} (OpenJDK 11 to 21, AuthenticationFilter; not API, pinned by
     * ProxyFailureTest). Only proxies get our credentials, so the challenges were the proxy's.
     */
    static boolean authenticationGaveUp(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).startsWith("too many authentication attempts")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The auth schemes a proxy offers, lower case, from its {@code Proxy-Authenticate} values. */
    static List<String> schemes(List<String> challenges) {
        List<String> schemes = new ArrayList<>();
        for (String challenge : challenges) {
            String scheme = challenge.strip().split("[\\s,]", 2)[0].toLowerCase(Locale.ROOT);
            if (!scheme.isEmpty() && !schemes.contains(scheme)) {
                schemes.add(scheme);
            }
        }
        return schemes;
    }

    private static String connectDetail(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof NoRouteToHostException || text.contains("no route")) {
                return "no route to host";
            }
            if (text.contains("unreachable")) {
                return "network unreachable";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        // The JDK's client reports a refused connection as a bare ConnectException.
        return "connection refused";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String target(URI uri) {
        return uri.getHost() + ":" + (uri.getPort() >= 0 ? uri.getPort() : 443);
    }

    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
