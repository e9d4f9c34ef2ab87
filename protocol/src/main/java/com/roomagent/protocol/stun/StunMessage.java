package com.roomagent.protocol.stun;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A STUN message (RFC 5389 §6): class, method, transaction ID and attributes in wire order.
 * Immutable; the attribute list is copied. Whether the attributes make sense together (an error
 * response without ERROR-CODE, say) is the caller's business, not the codec's.
 *
 * @param method the 12-bit method, see {@link StunMethod}
 */
public record StunMessage(
        StunClass messageClass, int method, TransactionId transactionId, List<StunAttribute> attributes) {

    /** @throws IllegalArgumentException if the method does not fit in 12 bits */
    public StunMessage {
        Objects.requireNonNull(messageClass, "messageClass");
        Objects.requireNonNull(transactionId, "transactionId");
        if (method < 0 || method > StunMethod.MAX) {
            throw new IllegalArgumentException("a STUN method has 12 bits (RFC 5389 §6), got " + method);
        }
        attributes = List.copyOf(attributes);
    }

    /** A Binding request (RFC 5389 §7.1), as a client or an ICE agent sends it. */
    public static StunMessage bindingRequest(TransactionId id, StunAttribute... attributes) {
        return new StunMessage(StunClass.REQUEST, StunMethod.BINDING, id, List.of(attributes));
    }

    /** A Binding success response (RFC 5389 §7.3.1.1), normally with XOR-MAPPED-ADDRESS. */
    public static StunMessage bindingSuccess(TransactionId id, StunAttribute... attributes) {
        return new StunMessage(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, id, List.of(attributes));
    }

    /** A Binding error response (RFC 5389 §7.3.1.1), which must carry an ERROR-CODE. */
    public static StunMessage bindingError(TransactionId id, StunAttribute... attributes) {
        return new StunMessage(StunClass.ERROR_RESPONSE, StunMethod.BINDING, id, List.of(attributes));
    }

    /**
     * Returns the first attribute of this type. RFC 8489 §14 lets an attribute repeat and says
     * only the first need be processed.
     */
    public <T extends StunAttribute> Optional<T> attribute(Class<T> type) {
        for (StunAttribute attribute : attributes) {
            if (type.isInstance(attribute)) {
                return Optional.of(type.cast(attribute));
            }
        }
        return Optional.empty();
    }
}
