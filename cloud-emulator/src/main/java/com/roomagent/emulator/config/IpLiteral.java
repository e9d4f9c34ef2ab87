package com.roomagent.emulator.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP literals, parsed without ever asking DNS: {@link InetAddress#getByName} resolves anything that
 * is not a well-formed literal, so the text is checked first.
 */
public final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {}

    /** The address {@code text} spells, or empty when it is not an IPv4 or IPv6 literal. */
    public static Optional<InetAddress> parse(String text) {
        var ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!(text.contains(":") && IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
