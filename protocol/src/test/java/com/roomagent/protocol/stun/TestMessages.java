package com.roomagent.protocol.stun;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Small transformations of messages that several tests need. */
final class TestMessages {
    static final TransactionId ID = TransactionId.of(TestVectors.hex("0102030405060708090a0b0c"));

    private TestMessages() {}

    /**
     * Hand-built message bytes: a header of {@code messageType} with the magic cookie, {@link #ID}
     * and a length field that counts {@code attributes}, then the attributes as given.
     */
    static byte[] raw(int messageType, byte[]... attributes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] attribute : attributes) {
            body.writeBytes(attribute);
        }
        ByteBuffer message = ByteBuffer.allocate(20 + body.size());
        message.putShort((short) messageType).putShort((short) body.size()).putInt(0x2112A442);
        message.put(ID.bytes()).put(body.toByteArray());
        return message.array();
    }

    /** One attribute: type, length of {@code value}, the value, then zero padding to 4 bytes. */
    static byte[] attribute(int type, byte[] value) {
        ByteBuffer attribute = ByteBuffer.allocate(4 + ((value.length + 3) & ~3));
        attribute.putShort((short) type).putShort((short) value.length).put(value);
        return attribute.array();
    }

    /** As {@link #attribute(int, byte[])} with the value in hex. */
    static byte[] attribute(int type, String hexValue) {
        return attribute(type, TestVectors.hex(hexValue));
    }

    /** The message without MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT, which the encoder computes. */
    static StunMessage withoutTrailer(StunMessage message) {
        return new StunMessage(
                message.messageClass(),
                message.method(),
                message.transactionId(),
                message.attributes().stream()
                        .filter(a -> !(a instanceof MessageIntegrity)
                                && !(a instanceof MessageIntegritySha256)
                                && !(a instanceof Fingerprint))
                        .toList());
    }
}
