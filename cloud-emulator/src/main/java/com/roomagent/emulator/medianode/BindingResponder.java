package com.roomagent.emulator.medianode;

import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.Software;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.StunMethod;
import com.roomagent.protocol.stun.StunParseException;
import com.roomagent.protocol.stun.StunUnknownAttributesException;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A STUN server's answer to one packet (RFC 5389 section 7.3), as a pure function of the bytes and
 * the source address: no sockets, no threads, so every rule is tested without a network. Stateless
 * and thread-safe.
 */
final class BindingResponder {
    /** The SOFTWARE attribute of every response (RFC 5389 section 15.10). */
    static final String SOFTWARE = "room-agent cloud-emulator";

    private BindingResponder() {}

    /** What to do with a packet: send {@code response}, or nothing, and why. */
    record Answer(Outcome outcome, Optional<byte[]> response, String detail) {}

    /** The kinds of answer, for logs and tests. */
    enum Outcome {
        /** A Binding success response with XOR-MAPPED-ADDRESS. */
        BINDING_SUCCESS,
        /** A 420 error response with UNKNOWN-ATTRIBUTES. */
        UNKNOWN_ATTRIBUTE_ERROR,
        /** Not a valid STUN message; dropped. */
        MALFORMED,
        /** An indication or a response, which a server never answers; dropped. */
        NOT_A_REQUEST,
        /** A request for a method other than Binding, which these nodes do not implement; dropped. */
        UNSUPPORTED_METHOD
    }

    /**
     * Answers the packet in {@code data[offset, offset + length)}, received from {@code source}.
     */
    static Answer answer(byte[] data, int offset, int length, InetSocketAddress source) {
        StunMessage request;
        try {
            request = StunDecoder.decode(data, offset, length);
        } catch (StunUnknownAttributesException e) {
            return unknownAttributes(e, data, offset);
        } catch (StunParseException e) {
            // RFC 5389 section 7.3: a message that fails the basic checks is discarded silently.
            return dropped(Outcome.MALFORMED, e.getMessage());
        }
        if (request.messageClass() != StunClass.REQUEST) {
            // Section 7.3.2-7.3.4: a server sends nothing for indications, and it has no
            // transactions of its own for a response to belong to.
            return dropped(Outcome.NOT_A_REQUEST, request.messageClass().name());
        }
        if (request.method() != StunMethod.BINDING) {
            return dropped(Outcome.UNSUPPORTED_METHOD, "method 0x" + Integer.toHexString(request.method()));
        }
        // Section 7.3.1.1 and 15.2: the reflexive address is the source of the request as seen here.
        StunMessage response = StunMessage.bindingSuccess(
                request.transactionId(), new XorMappedAddress(source), new Software(SOFTWARE));
        return new Answer(Outcome.BINDING_SUCCESS, Optional.of(StunEncoder.encode(response, null, true)), "");
    }

    /**
     * Section 7.3.1: a request with unknown comprehension-required attributes gets a 420 error
     * response listing them in UNKNOWN-ATTRIBUTES; an indication or response carrying them is
     * dropped.
     */
    private static Answer unknownAttributes(StunUnknownAttributesException e, byte[] data, int offset) {
        if (e.messageClass() != StunClass.REQUEST) {
            return dropped(Outcome.NOT_A_REQUEST, e.messageClass().name() + " with " + e.getMessage());
        }
        if (methodOf(data, offset) != StunMethod.BINDING) {
            return dropped(Outcome.UNSUPPORTED_METHOD, "method 0x" + Integer.toHexString(methodOf(data, offset)));
        }
        StunMessage response = StunMessage.bindingError(
                e.transactionId(),
                new ErrorCode(ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute"),
                e.toAttribute(),
                new Software(SOFTWARE));
        return new Answer(
                Outcome.UNKNOWN_ATTRIBUTE_ERROR, Optional.of(StunEncoder.encode(response, null, true)), e.getMessage());
    }

    /**
     * The method bits of a message type (RFC 5389 section 6, figure 3: M11..M7 C1 M6..M4 C0 M3..M0).
     * The decoder has validated the header before raising the exception this serves.
     */
    private static int methodOf(byte[] data, int offset) {
        int type = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
        return (type & 0x000F) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0F80);
    }

    private static Answer dropped(Outcome outcome, String detail) {
        return new Answer(outcome, Optional.empty(), detail);
    }
}
