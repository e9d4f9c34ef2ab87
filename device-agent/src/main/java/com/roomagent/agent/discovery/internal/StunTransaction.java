package com.roomagent.agent.discovery.internal;

import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.MappedAddress;
import com.roomagent.protocol.stun.Software;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.StunMethod;
import com.roomagent.protocol.stun.StunParseException;
import com.roomagent.protocol.stun.StunUnknownAttributesException;
import com.roomagent.protocol.stun.TransactionId;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One STUN Binding transaction from the client's side, without sockets: the request to send, and
 * what each packet that comes back means for it (RFC 5389 section 7.3.3). Confined to one thread.
 *
 * <p>Matching is by transaction id only. Packets that cannot end this transaction (not STUN,
 * malformed, a request, an answer to another transaction) are ignored and counted, because on a
 * real path a stray or a late duplicate must not spoil a sample; the counts let the prober say
 * "something answered, but not STUN" when no valid answer arrives.
 */
public final class StunTransaction {
    /** What a received packet means for the transaction. */
    public sealed interface Answer permits Success, Rejected, Ignored {}

    /** A success response: the transaction is over. */
    public record Success(InetSocketAddress mappedAddress) implements Answer {}

    /**
     * A response to this transaction that ends it without a result: an error response, or a success
     * response that is unusable (RFC 5389 section 7.3.3 discards it and fails the transaction).
     */
    public record Rejected(String reason) implements Answer {}

    /** A packet that does not belong to this transaction; keep waiting. */
    public record Ignored(String reason) implements Answer {}

    private final TransactionId id;
    private final byte[] request;
    private int malformed;
    private int unrelated;
    private String firstIgnoredReason;

    /**
     * A Binding request with a fresh random transaction id (RFC 5389 section 6), the SOFTWARE
     * attribute when given, and FINGERPRINT (section 15.5) so a media node can tell it from DTLS
     * and media sharing the same port.
     */
    public StunTransaction(Optional<String> software) {
        this.id = TransactionId.random();
        StunMessage message = software.isPresent()
                ? StunMessage.bindingRequest(id, new Software(software.get()))
                : StunMessage.bindingRequest(id);
        this.request = StunEncoder.encode(message, null, true);
    }

    public TransactionId id() {
        return id;
    }

    /** The encoded request; every retransmission sends these same bytes. */
    public byte[] request() {
        return request.clone();
    }

    /** Interprets one received packet (a datagram, or a frame cut out of a stream). */
    public Answer accept(byte[] data, int offset, int length) {
        StunMessage message;
        try {
            message = StunDecoder.decode(data, offset, length);
        } catch (StunUnknownAttributesException e) {
            if (e.transactionId().equals(id) && isResponse(e.messageClass())) {
                return new Rejected("response with " + e.getMessage());
            }
            return ignoreMalformed(e.getMessage());
        } catch (StunParseException e) {
            return ignoreMalformed(e.getMessage());
        }
        if (!message.transactionId().equals(id)) {
            unrelated++;
            return ignore("a " + describe(message.messageClass()) + " for another transaction");
        }
        if (!isResponse(message.messageClass())) {
            // An echo of our own request, for instance from a reflector that is not a STUN server.
            unrelated++;
            return ignore("a " + describe(message.messageClass()) + " carrying our transaction id");
        }
        if (message.method() != StunMethod.BINDING) {
            return new Rejected(String.format("response to method 0x%03X instead of Binding", message.method()));
        }
        if (message.messageClass() == StunClass.ERROR_RESPONSE) {
            return new Rejected(message.attribute(ErrorCode.class)
                    .map(error -> "error response " + error.code() + " " + error.reason())
                    .orElse("error response without ERROR-CODE"));
        }
        Optional<InetSocketAddress> mapped =
                message.attribute(XorMappedAddress.class).map(XorMappedAddress::address);
        if (mapped.isEmpty()) {
            // RFC 5389 section 7.3.3 asks clients to accept MAPPED-ADDRESS from RFC 3489 servers.
            mapped = message.attribute(MappedAddress.class).map(MappedAddress::address);
        }
        return mapped.<Answer>map(Success::new)
                .orElseGet(() -> new Rejected("success response without XOR-MAPPED-ADDRESS or MAPPED-ADDRESS"));
    }

    /** Whether anything was ignored: something answers on the path, just not validly. */
    public boolean sawIgnoredPackets() {
        return malformed + unrelated > 0;
    }

    /** What was ignored, for a detail line: counts and the first reason. */
    public String ignoredSummary() {
        StringBuilder text = new StringBuilder();
        if (malformed > 0) {
            text.append(malformed).append(malformed == 1 ? " malformed packet" : " malformed packets");
        }
        if (unrelated > 0) {
            text.append(text.length() > 0 ? " and " : "")
                    .append(unrelated)
                    .append(unrelated == 1 ? " STUN message" : " STUN messages")
                    .append(" not answering this request");
        }
        if (firstIgnoredReason != null) {
            text.append(text.length() > 0 ? " " : "")
                    .append("(first: ")
                    .append(firstIgnoredReason)
                    .append(')');
        }
        return text.toString();
    }

    private Ignored ignoreMalformed(String reason) {
        malformed++;
        return ignore(reason);
    }

    private Ignored ignore(String reason) {
        if (firstIgnoredReason == null) {
            firstIgnoredReason = reason;
        }
        return new Ignored(reason);
    }

    private static boolean isResponse(StunClass messageClass) {
        return messageClass == StunClass.SUCCESS_RESPONSE || messageClass == StunClass.ERROR_RESPONSE;
    }

    private static String describe(StunClass messageClass) {
        return switch (messageClass) {
            case REQUEST -> "request";
            case INDICATION -> "indication";
            case SUCCESS_RESPONSE -> "success response";
            case ERROR_RESPONSE -> "error response";
        };
    }
}
