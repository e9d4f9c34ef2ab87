package com.roomagent.agent.proxy.pac;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a FindProxyForURL answer, such as {@code PROXY proxy.corp:3128}. The PAC format
 * lists entries separated by semicolons, in the order to try them: {@code DIRECT}, {@code PROXY
 * host:port} (also written {@code HTTP}), and the kinds the agent cannot use, {@code HTTPS} (TLS
 * to the proxy) and {@code SOCKS}/{@code SOCKS4}/{@code SOCKS5}: the JDK's HTTP client speaks
 * neither.
 *
 * @param host empty for DIRECT
 * @param port 0 for DIRECT
 */
public record PacDirective(Type type, String host, int port) {
    /** What an entry asks for, and whether the agent can do it. */
    public enum Type {
        DIRECT(0, true),
        PROXY(80, true),
        HTTPS(443, false),
        SOCKS(1080, false);

        private final int defaultPort;
        private final boolean supported;

        Type(int defaultPort, boolean supported) {
            this.defaultPort = defaultPort;
            this.supported = supported;
        }

        /** Whether the agent's HTTP client can use an entry of this type. */
        public boolean supported() {
            return supported;
        }
    }

    public PacDirective {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
    }

    /**
     * The entries of {@code result}, in order.
     *
     * @throws PacException of kind BAD_RESULT when an entry is not one of the PAC format's, or there
     *     is none
     */
    public static List<PacDirective> parse(String result, String origin) throws PacException {
        List<PacDirective> directives = new ArrayList<>();
        for (String entry : result.split(";")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] words = text.split("\\s+");
            String keyword = words[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("DIRECT") && words.length == 1) {
                directives.add(new PacDirective(Type.DIRECT, "", 0));
                continue;
            }
            Type type = switch (keyword) {
                case "PROXY", "HTTP" -> Type.PROXY;
                case "HTTPS" -> Type.HTTPS;
                case "SOCKS", "SOCKS4", "SOCKS5" -> Type.SOCKS;
                default -> null;
            };
            if (type == null || words.length != 2) {
                throw badResult(
                        result,
                        origin,
                        "\"" + text + "\" is not DIRECT, PROXY host:port, HTTPS host:port" + " or SOCKS host:port");
            }
            directives.add(hostAndPort(type, words[1], result, origin));
        }
        if (directives.isEmpty()) {
            throw badResult(result, origin, "it names no proxy and not DIRECT");
        }
        return List.copyOf(directives);
    }

    private static PacDirective hostAndPort(Type type, String text, String result, String origin) throws PacException {
        String host = text;
        int port = type.defaultPort;
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (colon > 0 && (!bracketed || text.lastIndexOf(']') < colon)) {
            host = text.substring(0, colon);
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw badResult(result, origin, "\"" + text + "\" has a port that is not a number");
            }
        }
        if (bracketed) {
            if (!host.endsWith("]")) {
                throw badResult(result, origin, "\"" + text + "\" is not host:port");
            }
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw badResult(result, origin, "\"" + text + "\" is not host:port with a port in 1-65535");
        }
        return new PacDirective(type, host, port);
    }

    private static PacException badResult(String result, String origin, String why) {
        String shown = result.length() > 200 ? result.substring(0, 200) + "..." : result;
        return new PacException(
                PacException.Kind.BAD_RESULT,
                "The PAC file " + origin + " returned \"" + shown + "\": " + why + ". Ask the network"
                        + " administrator to fix it.");
    }

    /** As the PAC format writes it. */
    @Override
    public String toString() {
        if (type == Type.DIRECT) {
            return "DIRECT";
        }
        return type + " " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
