package com.roomagent.protocol.stun;

/**
 * ICE-CONTROLLED (RFC 8445 §7.1.3): the sender thinks it is the controlled agent; the 64-bit
 * tie-breaker (any value, compared unsigned) resolves role conflicts.
 */
public record IceControlled(long tieBreaker) implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.ICE_CONTROLLED;
    }
}
