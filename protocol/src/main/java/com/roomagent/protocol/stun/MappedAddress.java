package com.roomagent.protocol.stun;

import java.net.InetSocketAddress;

/**
 * MAPPED-ADDRESS (RFC 5389 §15.1): the reflexive transport address without obfuscation, kept for
 * RFC 3489 servers; NATs that rewrite addresses in payloads can corrupt it, hence XOR-MAPPED-ADDRESS.
 */
public record MappedAddress(InetSocketAddress address) implements StunAttribute {
    /** @throws IllegalArgumentException if the address is unresolved */
    public MappedAddress {
        AddressCodec.requireResolved("MAPPED-ADDRESS", address);
    }

    @Override
    public int type() {
        return StunAttributeType.MAPPED_ADDRESS;
    }
}
