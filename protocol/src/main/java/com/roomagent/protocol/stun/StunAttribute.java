package com.roomagent.protocol.stun;

/**
 * One attribute of a STUN message (RFC 5389 §15). Each record checks its value in its
 * constructor against the RFC's rules and throws {@link IllegalArgumentException} if it breaks
 * them, so an invalid value fails where it is made rather than on the wire.
 */
public sealed interface StunAttribute
        permits XorMappedAddress,
                MappedAddress,
                Username,
                Realm,
                Nonce,
                Software,
                ErrorCode,
                UnknownAttributes,
                Priority,
                UseCandidate,
                IceControlled,
                IceControlling,
                MessageIntegrity,
                MessageIntegritySha256,
                Fingerprint,
                OptionalAttribute {

    /** The attribute type on the wire; see {@link StunAttributeType}. */
    int type();
}
