package com.roomagent.protocol.stun;

import java.net.InetSocketAddress;

/**
 * XOR-MAPPED-ADDRESS (RFC 5389 §15.2): the reflexive transport address, as the server saw the
 * request. {@code address} is the plain address; the encoder applies the XOR with the magic
 * cookie and transaction ID, and the decoder removes it.
 */
public record XorMappedAddress(InetSocketAddress address) implements StunAttribute {
    /** @throws IllegalArgumentException if the address is unresolved */
    public XorMappedAddress {
        AddressCodec.requireResolved("XOR-MAPPED-ADDRESS", address);
    }

    @Override
    public int type() {
        return StunAttributeType.XOR_MAPPED_ADDRESS;
    }
}
