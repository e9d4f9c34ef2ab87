package com.roomagent.agent.proxy;

import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the JDK's HTTP client send Basic credentials to a proxy for a CONNECT tunnel.
 *
 * <p>By default the JDK refuses: {@code jdk.http.auth.tunneling.disabledSchemes} is {@code Basic}
 * in {@code $JAVA_HOME/conf/net.properties}, so an HTTPS request through a proxy that asks for
 * Basic gets the proxy's 407 back without the authenticator ever being asked. The JDK does it to
 * keep a cleartext password off a proxy the user did not choose. Our proxy is chosen explicitly by
 * the device's administrator, Basic is the only scheme the JDK's {@code java.net.http} client
 * implements, and without it an authenticating proxy can never be passed; so the agent clears the
 * property, deliberately, for the whole process (docs/proxy.md).
 *
 * <p>The JDK reads the property once, when its HTTP client classes initialise: {@link #allowBasic()}
 * must run before the first {@code HttpClient} is built. {@code RoomAgentCommand.main} calls it
 * first thing; {@code CloudHttp} calls it too, which is in time whenever CloudHttp builds the
 * process's first client. An administrator who sets the property explicitly (to {@code Basic}) is
 * obeyed, with a warning. When it was too late, the failure says so: see {@link
 * #whyCredentialsWereNotSent()}.
 */
public final class ProxyTunneling {
    /** The JDK's system property listing the schemes refused for CONNECT tunnels. */
    public static final String DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private static final Logger LOG = LoggerFactory.getLogger(ProxyTunneling.class);

    private ProxyTunneling() {}

    /** Clears {@value #DISABLED_SCHEMES} unless it was set explicitly; idempotent. */
    public static synchronized void allowBasic() {
        String current = System.getProperty(DISABLED_SCHEMES);
        if (current == null) {
            System.setProperty(DISABLED_SCHEMES, "");
        } else if (basicDisabled(current)) {
            LOG.warn(
                    "event=proxy-basic-disabled property={} value={} effect=\"Basic proxy credentials will not be"
                            + " sent for HTTPS tunnels\"",
                    DISABLED_SCHEMES,
                    current);
        }
    }

    /** Whether the property's current value keeps Basic credentials out of tunnels. */
    static boolean basicDisabledNow() {
        String current = System.getProperty(DISABLED_SCHEMES);
        return current == null || basicDisabled(current);
    }

    private static boolean basicDisabled(String value) {
        return Arrays.stream(value.split(","))
                .map(scheme -> scheme.strip().toLowerCase(Locale.ROOT))
                .anyMatch("basic"::equals);
    }

    /**
     * For a 407 answered although credentials are configured and the JDK never asked for them: the
     * reason, for the operator.
     */
    static String whyCredentialsWereNotSent() {
        if (basicDisabledNow()) {
            return " The Java runtime refuses Basic credentials for HTTPS tunnels: the system property "
                    + DISABLED_SCHEMES + " disables Basic; remove it from the agent's Java options.";
        }
        return " The Java runtime refused to send them: its HTTP client was started before the agent" + " cleared "
                + DISABLED_SCHEMES + "; report this as a bug.";
    }
}
