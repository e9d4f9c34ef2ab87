package com.roomagent.protocol.stun;

/**
 * ICE-CONTROLLING (RFC 8445 §7.1.3): the sender thinks it is the controlling agent; the 64-bit
 * tie-breaker (any value, compared unsigned) resolves role conflicts.
 */
public record IceControlling(long tieBreaker) implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.ICE_CONTROLLING;
    }
}
