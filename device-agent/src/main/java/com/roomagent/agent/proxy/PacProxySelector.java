package com.roomagent.agent.proxy;

import com.roomagent.agent.proxy.pac.PacDirective;
import com.roomagent.agent.proxy.pac.PacEnvironment;
import com.roomagent.agent.proxy.pac.PacException;
import com.roomagent.agent.proxy.pac.PacFetcher;
import com.roomagent.agent.proxy.pac.PacScript;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the proxy for each cloud request by asking a PAC file (R4): fetched DIRECT from the
 * configured URL or the WPAD candidates, cached, fetched again after the refresh interval or
 * {@link #invalidate()} (a network change), and evaluated for every request.
 *
 * <p><b>When the PAC file fails</b> (cannot be fetched, throws, runs too long, answers garbage)
 * the request goes DIRECT, as browsers do: a network whose proxy is optional keeps working, and on
 * a network where the proxy is the only way out the direct connection fails anyway. The failure is
 * logged once ({@code event=pac-failed} with its identifier) and kept in {@link #lastFailure()};
 * a failed fetch is retried after {@link #FAILURE_RETRY}.
 *
 * <p>Entries the JDK's client cannot use (HTTPS, SOCKS) are skipped with one log line each. The
 * JDK's client uses only the first proxy of the list, so proxies reported as failed ({@link
 * #connectFailed}) move to the end of the list for {@link #BAD_PROXY_RETRY}: the next request
 * tries the next entry. Thread-safe.
 */
public final class PacProxySelector extends ProxySelector {
    /** How long after a failed fetch the PAC file is fetched again. */
    public static final Duration FAILURE_RETRY = Duration.ofSeconds(30);
    /** How long a proxy that failed to connect goes to the end of the list. */
    public static final Duration BAD_PROXY_RETRY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(PacProxySelector.class);

    private final Supplier<List<URI>> candidates;
    private final PacFetcher fetcher;
    private final PacEnvironment environment;
    private final Duration timeLimit;
    private final Duration refreshInterval;
    private final Clock clock;
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private final Set<String> skippedLogged = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> badProxies = new ConcurrentHashMap<>();

    private Optional<PacScript> script = Optional.empty();
    private Optional<PacException> failure = Optional.empty();
    private Instant loadedAt = Instant.MIN;

    /**
     * @param candidates the PAC URLs to try in order: the configured one, or WPAD's
     * @param timeLimit the longest one evaluation of the script may take
     * @param refreshInterval how long a fetched PAC file is used before it is fetched again
     */
    public PacProxySelector(
            Supplier<List<URI>> candidates,
            PacFetcher fetcher,
            PacEnvironment environment,
            Duration timeLimit,
            Duration refreshInterval,
            Clock clock) {
        this.candidates = candidates;
        this.fetcher = fetcher;
        this.environment = environment;
        this.timeLimit = timeLimit;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    @Override
    public List<Proxy> select(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !Set.of("http", "https", "ws", "wss").contains(scheme)) {
            return List.of(Proxy.NO_PROXY);
        }
        Optional<PacScript> current = current();
        if (current.isEmpty()) {
            return List.of(Proxy.NO_PROXY);
        }
        try {
            String answer = current.get().findProxyForUrl(pacUrl(uri, scheme), uri.getHost());
            List<Proxy> proxies =
                    usable(PacDirective.parse(answer, current.get().origin()));
            if (proxies.isEmpty()) {
                throw new PacException(
                        PacException.Kind.BAD_RESULT,
                        "The PAC file " + current.get().origin() + " answered \"" + answer + "\" for " + uri.getHost()
                                + ": no entry the device can use (it uses PROXY and DIRECT only). Ask the network"
                                + " administrator to add a PROXY or DIRECT entry.");
            }
            return proxies;
        } catch (PacException e) {
            recordFailure(e);
            return List.of(Proxy.NO_PROXY);
        }
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException error) {
        if (address instanceof InetSocketAddress proxy) {
            badProxies.put(
                    key(proxy.getHostString(), proxy.getPort()), clock.instant().plus(BAD_PROXY_RETRY));
            LOG.warn(
                    "event=pac-proxy-failed proxy={}:{} retryAfter={}s",
                    proxy.getHostString(),
                    proxy.getPort(),
                    BAD_PROXY_RETRY.toSeconds());
        }
    }

    /** Forgets the fetched PAC file, so the next request fetches it again (on a network change). */
    public synchronized void invalidate() {
        script = Optional.empty();
        loadedAt = Instant.MIN;
        badProxies.clear();
    }

    /** The last PAC failure, if the last fetch or evaluation failed. */
    public synchronized Optional<PacException> lastFailure() {
        return failure;
    }

    /** Whether this selector ever chose the proxy at {@code host:port}: credentials go only there. */
    boolean handedOut(String host, int port) {
        return handedOut.contains(key(host, port));
    }

    private synchronized Optional<PacScript> current() {
        Instant now = clock.instant();
        boolean loaded = !loadedAt.equals(Instant.MIN);
        Duration validity = script.isPresent() ? refreshInterval : FAILURE_RETRY;
        if (loaded && now.isBefore(loadedAt.plus(validity))) {
            return script;
        }
        loadedAt = now;
        List<URI> urls = candidates.get();
        if (urls.isEmpty()) {
            recordFailureLocked(new PacException(
                    PacException.Kind.NOT_FOUND,
                    "No PAC file found: network.pacUrl is empty and WPAD found no candidate (no DHCP option 252"
                            + " in the lease files, no search domain in /etc/resolv.conf). Set network.pacUrl,"
                            + " or network.proxyMode=explicit with network.httpProxy."));
            return script;
        }
        PacException last = null;
        for (URI url : urls) {
            try {
                String source = fetcher.fetch(url);
                script = Optional.of(PacScript.compile(source, PacFetcher.shown(url), environment, timeLimit));
                failure = Optional.empty();
                LOG.info("event=pac-loaded url={} bytes={}", PacFetcher.shown(url), source.length());
                return script;
            } catch (PacException e) {
                last = e;
            }
        }
        // Keep a script fetched earlier if the refresh failed: it is the best knowledge we have.
        recordFailureLocked(last);
        return script;
    }

    private synchronized void recordFailure(PacException e) {
        recordFailureLocked(e);
    }

    private void recordFailureLocked(PacException e) {
        boolean repeated = failure.isPresent() && failure.get().getMessage().equals(e.getMessage());
        failure = Optional.of(e);
        if (!repeated) {
            LOG.warn(
                    "event=pac-failed error={} fallback=DIRECT message=\"{}\"",
                    e.kind().id(),
                    e.getMessage());
        }
    }

    private List<Proxy> usable(List<PacDirective> directives) {
        Instant now = clock.instant();
        List<Proxy> good = new ArrayList<>();
        List<Proxy> bad = new ArrayList<>();
        for (PacDirective directive : directives) {
            if (!directive.type().supported()) {
                if (skippedLogged.add(directive.toString())) {
                    LOG.info(
                            "event=pac-entry-skipped entry=\"{}\" reason=\"the device's HTTP client supports PROXY and"
                                    + " DIRECT only\"",
                            directive);
                }
                continue;
            }
            if (directive.type() == PacDirective.Type.DIRECT) {
                good.add(Proxy.NO_PROXY);
                continue;
            }
            String key = key(directive.host(), directive.port());
            handedOut.add(key);
            Proxy proxy =
                    new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(directive.host(), directive.port()));
            Instant badUntil = badProxies.get(key);
            (badUntil != null && now.isBefore(badUntil) ? bad : good).add(proxy);
        }
        good.addAll(bad);
        return good;
    }

    /**
     * The URL as the script sees it. For https and wss only the scheme, host and port, as Chromium
     * does: paths and queries of encrypted requests are not the PAC file's business.
     */
    private static String pacUrl(URI uri, String scheme) {
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        String host = uri.getHost();
        if (scheme.equals("https") || scheme.equals("wss")) {
            return scheme + "://" + host + port + "/";
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + port + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
