package com.roomagent.protocol.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The value of MAPPED-ADDRESS (RFC 5389 §15.1) and XOR-MAPPED-ADDRESS (§15.2): a reserved byte,
 * the family (1 for IPv4, 2 for IPv6), the port, then 4 or 16 address bytes.
 */
final class AddressCodec {
    static final int FAMILY_IPV4 = 0x01;
    static final int FAMILY_IPV6 = 0x02;
    static final int IPV4_VALUE_LENGTH = 8;
    static final int IPV6_VALUE_LENGTH = 20;

    private AddressCodec() {}

    static void requireResolved(String attribute, InetSocketAddress address) {
        Objects.requireNonNull(address, attribute);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(attribute + " needs a resolved address, got an unresolved name");
        }
    }

    static int valueLength(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address ? IPV4_VALUE_LENGTH : IPV6_VALUE_LENGTH;
    }

    /**
     * Writes the value. With {@code xor}, RFC 5389 §15.2: the port is XORed with the top 16 bits
     * of the magic cookie, an IPv4 address with the cookie, an IPv6 address with the cookie
     * followed by the transaction ID.
     */
    static void write(InetSocketAddress address, boolean xor, TransactionId id, WireWriter writer) {
        byte[] ip = address.getAddress().getAddress();
        writer.u8(0);
        writer.u8(ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        writer.u16(xor ? address.getPort() ^ (StunHeader.MAGIC_COOKIE >>> 16) : address.getPort());
        for (int i = 0; i < ip.length; i++) {
            writer.u8(xor ? ip[i] ^ xorMask(i, id) : ip[i]);
        }
    }

    /**
     * Reads a value of {@code length} bytes at {@code position}. The first byte is reserved and
     * ignored, as §15.1 requires of receivers. {@code where} names the attribute in errors.
     */
    static InetSocketAddress read(byte[] data, int position, int length, boolean xor, TransactionId id, String where)
            throws StunParseException {
        if (length < 4) {
            throw new StunParseException(
                    StunParseException.Reason.BAD_ATTRIBUTE,
                    where + ": address value of " + length + " bytes is shorter than 4");
        }
        int family = WireReader.u8(data, position + 1);
        int expected;
        if (family == FAMILY_IPV4) {
            expected = IPV4_VALUE_LENGTH;
        } else if (family == FAMILY_IPV6) {
            expected = IPV6_VALUE_LENGTH;
        } else {
            throw new StunParseException(
                    StunParseException.Reason.BAD_ATTRIBUTE,
                    where + ": address family " + family + " is neither 1 (IPv4) nor 2 (IPv6)");
        }
        if (length != expected) {
            throw new StunParseException(
                    StunParseException.Reason.BAD_ATTRIBUTE,
                    where + ": address of family " + family + " has " + expected + " value bytes, got " + length);
        }
        int port = WireReader.u16(data, position + 2);
        byte[] ip = new byte[expected - 4];
        for (int i = 0; i < ip.length; i++) {
            ip[i] = (byte) (xor ? data[position + 4 + i] ^ xorMask(i, id) : data[position + 4 + i]);
        }
        if (xor) {
            port ^= StunHeader.MAGIC_COOKIE >>> 16;
        }
        // Inet6Address.getByAddress keeps an IPv4-mapped IPv6 address as IPv6, where
        // InetAddress.getByAddress would turn it into IPv4 and change the family on re-encoding.
        try {
            InetAddress inet = ip.length == 4 ? InetAddress.getByAddress(ip) : Inet6Address.getByAddress(null, ip, -1);
            return new InetSocketAddress(inet, port);
        } catch (UnknownHostException e) {
            // Only thrown for a wrong array length, which the family check above rules out.
            throw new StunParseException(
                    StunParseException.Reason.BAD_ATTRIBUTE, where + ": unusable address bytes", e);
        }
    }

    /** Byte {@code index} of the magic cookie followed by the transaction ID. */
    private static int xorMask(int index, TransactionId id) {
        return index < 4 ? (StunHeader.MAGIC_COOKIE >>> (24 - 8 * index)) & 0xFF : id.byteAt(index - 4) & 0xFF;
    }
}
