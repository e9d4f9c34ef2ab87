package com.roomagent.transport.srtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/** Reads a test-vector file from the test resources beside this class; its origin is in the file. */
final class TestVectors {
    private final String name;
    private final Properties properties = new Properties();

    private TestVectors(String name) {
        this.name = name;
        try (InputStream in = TestVectors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestVectors rfc3711() {
        return new TestVectors("rfc3711-appendix-b.properties");
    }

    static TestVectors libsrtp() {
        return new TestVectors("libsrtp-srtp-validate.properties");
    }

    String text(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is missing from " + name);
        }
        return value.strip();
    }

    byte[] hex(String key) {
        return HexFormat.of().parseHex(text(key));
    }

    long number(String key) {
        return Long.parseLong(text(key));
    }
}
