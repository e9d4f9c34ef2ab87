package com.roomagent.agent.discovery.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the default routes out of the Linux kernel's routing tables as {@code /proc/net/route}
 * (IPv4) and {@code /proc/net/ipv6_route} (IPv6) show them (the format of the kernel's
 * net/ipv4/fib_trie.c and net/ipv6/route.c). Only default routes matter to discovery: they decide
 * which way traffic to media nodes leaves. Lines that do not parse are skipped, so a format
 * surprise costs a missed change, never a crash.
 */
public final class DefaultRoutes {
    /** RTF_UP in include/uapi/linux/route.h: the route is usable. */
    private static final int RTF_UP = 0x0001;
    /** RTF_REJECT: an "unreachable" route, such as the kernel's own IPv6 fallback on lo. */
    private static final int RTF_REJECT = 0x0200;

    private DefaultRoutes() {}

    /**
     * Default routes in {@code /proc/net/route}: a header line, then whitespace-separated Iface,
     * Destination, Gateway, Flags, RefCnt, Use, Metric, Mask...; addresses are 8 hex digits in host
     * byte order (little-endian on every board we run on). Default means destination and mask 0.
     */
    public static List<String> parseIpv4(String table) {
        List<String> routes = new ArrayList<>();
        for (String line : table.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 8 || !fields[1].equals("00000000") || !fields[7].equals("00000000")) {
                continue;
            }
            try {
                int flags = Integer.parseInt(fields[3], 16);
                if ((flags & RTF_UP) == 0) {
                    continue;
                }
                byte[] gateway = hex(fields[2]);
                reverse(gateway);
                routes.add("default via " + InetAddress.getByAddress(gateway).getHostAddress() + " dev " + fields[0]
                        + " metric " + Long.parseLong(fields[6]));
            } catch (NumberFormatException | UnknownHostException e) {
                // Not a route line after all (the header, a truncated read): skip it.
            }
        }
        return routes;
    }

    /**
     * Default routes in {@code /proc/net/ipv6_route}: no header; whitespace-separated destination
     * (32 hex digits), its prefix length (2 hex), source, source prefix length, next hop, metric,
     * reference count, use count, flags (8 hex) and device. Default means destination {@code ::/0};
     * reject routes and routes on {@code lo} are the kernel's placeholders, not a way out.
     */
    public static List<String> parseIpv6(String table) {
        List<String> routes = new ArrayList<>();
        for (String line : table.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 10 || !fields[0].equals("0".repeat(32)) || !fields[1].equals("00")) {
                continue;
            }
            try {
                int flags = Integer.parseUnsignedInt(fields[8], 16);
                if ((flags & RTF_UP) == 0 || (flags & RTF_REJECT) != 0 || fields[9].equals("lo")) {
                    continue;
                }
                String gateway = InetAddress.getByAddress(hex(fields[4])).getHostAddress();
                routes.add("default via " + gateway + " dev " + fields[9] + " metric " + Long.parseLong(fields[5], 16));
            } catch (NumberFormatException | UnknownHostException e) {
                // Not a route line after all: skip it.
            }
        }
        return routes;
    }

    private static byte[] hex(String digits) {
        if (digits.length() % 2 != 0) {
            throw new NumberFormatException("odd number of hex digits: " + digits);
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] =
                    (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2).toLowerCase(Locale.ROOT), 16);
        }
        return bytes;
    }

    private static void reverse(byte[] bytes) {
        for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
            byte swap = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = swap;
        }
    }
}
