package com.roomagent.protocol.stun;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * No input bytes make the decoder, the integrity checks or the demultiplexing test throw anything
 * but a {@link StunParseException}. Seeded, so a failure reproduces; bounded in time, so a slow
 * machine runs fewer iterations rather than a longer build.
 */
class StunDecoderFuzzTest {
    private static final long SEED = 0x5354554EL;
    private static final int ITERATIONS = 300_000;
    private static final Duration TIME_BUDGET = Duration.ofSeconds(20);
    private static final byte[] KEY = {1, 2, 3, 4};
    private static final int[] KNOWN_TYPES = {
        StunAttributeType.MAPPED_ADDRESS,
        StunAttributeType.USERNAME,
        StunAttributeType.MESSAGE_INTEGRITY,
        StunAttributeType.ERROR_CODE,
        StunAttributeType.UNKNOWN_ATTRIBUTES,
        StunAttributeType.REALM,
        StunAttributeType.NONCE,
        StunAttributeType.MESSAGE_INTEGRITY_SHA256,
        StunAttributeType.XOR_MAPPED_ADDRESS,
        StunAttributeType.PRIORITY,
        StunAttributeType.USE_CANDIDATE,
        StunAttributeType.SOFTWARE,
        StunAttributeType.FINGERPRINT,
        StunAttributeType.ICE_CONTROLLED,
        StunAttributeType.ICE_CONTROLLING
    };

    @Test
    void arbitraryBytesRaiseOnlyStunParseException() throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
        int iterations = 0;
        int decoded = 0;
        while (iterations < ITERATIONS && System.nanoTime() < deadline) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            if (survives(input)) {
                decoded++;
            }
            iterations++;
        }
        // Some mutants must get past the header, or the fuzzing reached nothing deep.
        assertTrue(decoded > iterations / 100, "only " + decoded + " of " + iterations + " inputs decoded");
    }

    /** Runs every entry point on the input; returns whether it decoded. */
    private static boolean survives(byte[] input) {
        try {
            StunMessages.looksLikeStun(input, 0, input.length);
            StunIntegrity.verify(input, KEY);
            StunIntegrity.verifySha256(input, KEY);
        } catch (StunParseException expected) {
            // Rejected: the only acceptable failure.
        } catch (RuntimeException | Error e) {
            fail("integrity check threw " + e + " for " + HexFormat.of().formatHex(input), e);
        }
        try {
            StunDecoder.decode(input);
            return true;
        } catch (StunParseException expected) {
            return false;
        } catch (RuntimeException | Error e) {
            return fail("decoder threw " + e + " for " + HexFormat.of().formatHex(input), e);
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] mutant;
        switch (random.nextInt(7)) {
            case 0:
                mutant = new byte[random.nextInt(96)];
                random.nextBytes(mutant);
                if (random.nextBoolean() && mutant.length >= 20) {
                    stampHeader(mutant, random);
                }
                return mutant;
            case 1:
                return wellFramedRandomAttributes(random);
            case 2:
                mutant = Arrays.copyOf(seed, random.nextInt(seed.length + 1));
                break;
            case 3:
                mutant = seed.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    int bit = random.nextInt(mutant.length * 8);
                    mutant[bit / 8] ^= (byte) (1 << (bit % 8));
                }
                break;
            case 4:
                mutant = seed.clone();
                for (int bytes = 1 + random.nextInt(3); bytes > 0; bytes--) {
                    mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
                }
                break;
            case 5:
                mutant = seed.clone();
                if (mutant.length > 24) {
                    // Rewrite an attribute-length-sized field somewhere after the header.
                    int at = 20 + 4 * random.nextInt((mutant.length - 20) / 4) + 2;
                    mutant[at] = (byte) (random.nextBoolean() ? 0 : random.nextInt(256));
                    mutant[at + 1] = (byte) random.nextInt(256);
                }
                break;
            default:
                // Insert a random 4- or 8-byte chunk on an attribute boundary, often shaped like one.
                int at = 20 + 4 * random.nextInt((seed.length - 20) / 4 + 1);
                byte[] chunk = new byte[4 * (1 + random.nextInt(2))];
                random.nextBytes(chunk);
                if (random.nextBoolean()) {
                    chunk[2] = 0;
                    chunk[3] = (byte) (chunk.length - 4 - random.nextInt(4));
                }
                mutant = new byte[seed.length + chunk.length];
                System.arraycopy(seed, 0, mutant, 0, at);
                System.arraycopy(chunk, 0, mutant, at, chunk.length);
                System.arraycopy(seed, at, mutant, at + chunk.length, seed.length - at);
                break;
        }
        if (random.nextInt(3) > 0 && mutant.length >= 20) {
            fixLengthField(mutant);
        }
        if (random.nextBoolean()) {
            fixFingerprint(mutant);
        }
        return mutant;
    }

    /**
     * A valid header and correctly framed attributes of known types with random values of random
     * length, so that every value decoder meets lengths and contents it does not expect.
     */
    private static byte[] wellFramedRandomAttributes(Random random) {
        ByteBuffer message = ByteBuffer.allocate(20 + 4 * 64);
        message.position(20);
        for (int count = 1 + random.nextInt(4); count > 0; count--) {
            int type =
                    random.nextInt(8) == 0 ? random.nextInt(0x10000) : KNOWN_TYPES[random.nextInt(KNOWN_TYPES.length)];
            byte[] value = new byte[random.nextInt(37)];
            random.nextBytes(value);
            if (value.length > 1 && random.nextBoolean()) {
                value[1] = (byte) (1 + random.nextInt(2)); // an address family that is often right
            }
            message.putShort((short) type).putShort((short) value.length).put(value);
            message.position((message.position() + 3) & ~3);
        }
        byte[] bytes = Arrays.copyOf(message.array(), message.position());
        stampHeader(bytes, random);
        return bytes;
    }

    private static void stampHeader(byte[] message, Random random) {
        message[0] = (byte) (random.nextInt(4));
        message[4] = 0x21;
        message[5] = 0x12;
        message[6] = (byte) 0xA4;
        message[7] = 0x42;
        fixLengthField(message);
    }

    private static void fixLengthField(byte[] message) {
        int body = message.length - 20;
        message[2] = (byte) (body >>> 8);
        message[3] = (byte) body;
    }

    /** If the message ends in a FINGERPRINT header, makes its value right, to reach the checks after it. */
    private static void fixFingerprint(byte[] message) {
        int at = message.length - 8;
        if (at >= 20 && message[at] == (byte) 0x80 && message[at + 1] == 0x28) {
            CRC32 crc = new CRC32();
            crc.update(message, 0, at);
            long value = crc.getValue() ^ 0x5354554EL;
            for (int i = 0; i < 4; i++) {
                message[at + 4 + i] = (byte) (value >>> (24 - 8 * i));
            }
        }
    }

    private static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(TestVectors.load(TestVectors.RFC5769_SAMPLE_REQUEST));
        seeds.add(TestVectors.load(TestVectors.RFC5769_IPV4_RESPONSE));
        seeds.add(TestVectors.load(TestVectors.RFC5769_IPV6_RESPONSE));
        seeds.add(TestVectors.load(TestVectors.RFC5769_LONG_TERM_REQUEST));
        TransactionId id = TransactionId.of(new byte[12]);
        seeds.add(StunEncoder.encode(
                StunMessage.bindingError(
                        id,
                        new ErrorCode(420, "Unknown Attribute"),
                        new UnknownAttributes(List.of(0x0031, 0x0032, 0x0033)),
                        new MappedAddress(new InetSocketAddress(InetAddress.getByName("::1"), 9)),
                        new OptionalAttribute(0x8023, new byte[] {0, 1, 0, 1, 10, 0, 0, 1}),
                        new UseCandidate(),
                        new IceControlling(7)),
                StunEncodeOptions.defaults()
                        .withIntegrity(KEY)
                        .withIntegritySha256(KEY)
                        .withFingerprint(true)));
        seeds.add(StunEncoder.encode(StunMessage.bindingSuccess(id), null, true));
        return seeds;
    }
}
