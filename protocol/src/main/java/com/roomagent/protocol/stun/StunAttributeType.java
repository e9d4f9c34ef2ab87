package com.roomagent.protocol.stun;

/**
 * STUN attribute types (IANA "STUN Attributes" registry). Types below 0x8000 are
 * comprehension-required, the rest comprehension-optional (RFC 5389 §15).
 */
public final class StunAttributeType {
    /** RFC 5389 §15.1. */
    public static final int MAPPED_ADDRESS = 0x0001;
    /** RFC 5389 §15.3. */
    public static final int USERNAME = 0x0006;
    /** RFC 5389 §15.4. */
    public static final int MESSAGE_INTEGRITY = 0x0008;
    /** RFC 5389 §15.6. */
    public static final int ERROR_CODE = 0x0009;
    /** RFC 5389 §15.9. */
    public static final int UNKNOWN_ATTRIBUTES = 0x000A;
    /** RFC 5389 §15.7. */
    public static final int REALM = 0x0014;
    /** RFC 5389 §15.8. */
    public static final int NONCE = 0x0015;
    /** RFC 8489 §14.6. */
    public static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;
    /** RFC 5389 §15.2. */
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    /** RFC 8445 §16.1 (first defined in RFC 5245). */
    public static final int PRIORITY = 0x0024;
    /** RFC 8445 §16.1. */
    public static final int USE_CANDIDATE = 0x0025;
    /** RFC 5389 §15.10. */
    public static final int SOFTWARE = 0x8022;
    /** RFC 5389 §15.5. */
    public static final int FINGERPRINT = 0x8028;
    /** RFC 8445 §16.1. */
    public static final int ICE_CONTROLLED = 0x8029;
    /** RFC 8445 §16.1. */
    public static final int ICE_CONTROLLING = 0x802A;

    private StunAttributeType() {}

    /**
     * Whether an agent that does not understand this type must reject the message: types
     * 0x0000-0x7FFF are comprehension-required (RFC 5389 §15).
     */
    public static boolean isComprehensionRequired(int type) {
        return type < 0x8000;
    }

    /** Whether this codec decodes the type into its own record rather than an OptionalAttribute. */
    public static boolean isKnown(int type) {
        switch (type) {
            case MAPPED_ADDRESS:
            case USERNAME:
            case MESSAGE_INTEGRITY:
            case ERROR_CODE:
            case UNKNOWN_ATTRIBUTES:
            case REALM:
            case NONCE:
            case MESSAGE_INTEGRITY_SHA256:
            case XOR_MAPPED_ADDRESS:
            case PRIORITY:
            case USE_CANDIDATE:
            case SOFTWARE:
            case FINGERPRINT:
            case ICE_CONTROLLED:
            case ICE_CONTROLLING:
                return true;
            default:
                return false;
        }
    }

    /** Formats a type as in the RFCs and packet captures, for error messages: {@code 0x8028}. */
    static String hex(int type) {
        return String.format("0x%04X", type);
    }
}
