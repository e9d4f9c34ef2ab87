package com.roomagent.protocol.stun;

/** STUN method numbers (RFC 5389 §18.1; IANA "STUN Methods" registry). Methods are 12 bits. */
public final class StunMethod {
    /** Binding (RFC 5389 §3): asks a server for the requester's reflexive transport address. */
    public static final int BINDING = 0x001;

    /** The largest method number: a method has 12 bits (RFC 5389 §6). */
    public static final int MAX = 0xFFF;

    private StunMethod() {}
}
