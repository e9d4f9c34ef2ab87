package com.roomagent.agent.proxy;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;

/**
 * Answers the configured proxy's Basic challenge (RFC 7617) and nothing else: not a server's
 * request (a cloud that asked for a password would get none), not another proxy (with PAC: not a
 * proxy the PAC file did not choose), not another scheme. The JDK's {@code java.net.http} client implements only Basic, so it asks for no other
 * scheme anyway. Thread-safe.
 */
final class ProxyAuthenticator extends Authenticator {
    private final String user;
    private final String password;
    private final BiPredicate<String, Integer> isOurProxy;
    private final AtomicBoolean asked = new AtomicBoolean();

    /**
     * @param isOurProxy whether a proxy host and port may receive the credentials
     */
    ProxyAuthenticator(String user, String password, BiPredicate<String, Integer> isOurProxy) {
        this.user = user;
        this.password = password;
        this.isOurProxy = isOurProxy;
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY
                || !"basic".equals(String.valueOf(getRequestingScheme()).toLowerCase(Locale.ROOT))
                || !isOurProxy.test(String.valueOf(getRequestingHost()), getRequestingPort())) {
            return null;
        }
        asked.set(true);
        return new PasswordAuthentication(user, password.toCharArray());
    }

    /** Whether the HTTP client ever asked for the proxy's credentials (see {@link ProxyTunneling}). */
    boolean asked() {
        return asked.get();
    }
}
