package com.roomagent.protocol.stun;

import java.util.List;
import java.util.Objects;

/**
 * The message is well formed but carries comprehension-required attributes this codec does not
 * know. RFC 5389 §7.3.1: a server answers such a request with a 420 error response listing them
 * in UNKNOWN-ATTRIBUTES, which is why the exception carries the transaction ID, class and method; an
 * indication is dropped silently; a response fails its transaction (§7.3.3).
 *
 * <p>The decoder raises it only after the whole message has passed every other check, so a 420
 * is never sent for bytes that were malformed anyway.
 */
public final class StunUnknownAttributesException extends StunParseException {
    private static final long serialVersionUID = 1L;

    private final List<Integer> unknownTypes;
    // Kept as bytes: exceptions are Serializable and TransactionId is not.
    private final byte[] transactionId;
    private final StunClass messageClass;
    private final int method;

    public StunUnknownAttributesException(
            List<Integer> unknownTypes, TransactionId transactionId, StunClass messageClass, int method) {
        super(Reason.UNKNOWN_REQUIRED_ATTRIBUTE, describe(unknownTypes));
        this.unknownTypes = List.copyOf(unknownTypes);
        this.transactionId = transactionId.bytes();
        this.messageClass = Objects.requireNonNull(messageClass, "messageClass");
        this.method = method;
    }

    /** The unknown types, in order of first appearance, each once. */
    public List<Integer> unknownTypes() {
        return unknownTypes;
    }

    public TransactionId transactionId() {
        return TransactionId.of(transactionId);
    }

    public StunClass messageClass() {
        return messageClass;
    }

    /** The message's 12-bit method, so a server answers only methods it implements. */
    public int method() {
        return method;
    }

    /**
     * The UNKNOWN-ATTRIBUTES attribute to put in the 420 response, next to {@code new
     * ErrorCode(420, "Unknown Attribute")} (RFC 5389 §7.3.1.1).
     */
    public UnknownAttributes toAttribute() {
        return new UnknownAttributes(unknownTypes);
    }

    private static String describe(List<Integer> types) {
        StringBuilder text = new StringBuilder("unknown comprehension-required attribute");
        text.append(types.size() == 1 ? " " : "s ");
        for (int i = 0; i < types.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(StunAttributeType.hex(types.get(i)));
        }
        return text.append(" (RFC 5389 §7.3)").toString();
    }
}
