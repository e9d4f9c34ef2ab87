package com.roomagent.protocol.stun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads the hex test vectors kept in src/test/resources, each file headed by its origin. */
final class TestVectors {
    static final String RFC5769_SAMPLE_REQUEST = "rfc5769/2.1-sample-request.hex";
    static final String RFC5769_IPV4_RESPONSE = "rfc5769/2.2-sample-ipv4-response.hex";
    static final String RFC5769_IPV6_RESPONSE = "rfc5769/2.3-sample-ipv6-response.hex";
    static final String RFC5769_LONG_TERM_REQUEST = "rfc5769/2.4-sample-request-long-term-auth.hex";

    /** The short-term password of RFC 5769 §2.1-2.3. */
    static final String RFC5769_SHORT_TERM_PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";

    private TestVectors() {}

    /** Reads a vector file: lines starting with '#' are comments, the rest hex with spaces. */
    static byte[] load(String resource) {
        try (InputStream in = TestVectors.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.replaceAll("\\s", ""));
                }
            }
            return hex(hex.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }
}
