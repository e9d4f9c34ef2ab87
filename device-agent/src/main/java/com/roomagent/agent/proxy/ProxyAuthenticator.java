package com.roomagent.agent.proxy;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers the configured proxy's Basic challenge (RFC 7617) and nothing else: not a server's
 * request (a cloud that asked for a password would get none), not another proxy, not another
 * scheme. The JDK's {@code java.net.http} client implements only Basic, so it asks for no other
 * scheme anyway. Thread-safe.
 */
final class ProxyAuthenticator extends Authenticator {
    private final HttpProxy proxy;
    private final AtomicBoolean asked = new AtomicBoolean();

    ProxyAuthenticator(HttpProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY
                || !"basic".equals(String.valueOf(getRequestingScheme()).toLowerCase(Locale.ROOT))
                || getRequestingPort() != proxy.port()
                || !proxy.host().equalsIgnoreCase(String.valueOf(getRequestingHost()))) {
            return null;
        }
        asked.set(true);
        return new PasswordAuthentication(proxy.user(), proxy.password());
    }

    /** Whether the HTTP client ever asked for the proxy's credentials (see {@link ProxyTunneling}). */
    boolean asked() {
        return asked.get();
    }
}
