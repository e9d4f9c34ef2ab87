package com.roomagent.transport.keepalive;

import java.time.Duration;
import java.util.Objects;

/**
 * How the media path is held open and watched (R14).
 *
 * @param keepaliveInterval how often a STUN Binding request goes out on the media 5-tuple
 * @param consentTimeout how long without any answer to those requests before the path is lost
 * @param mediaTimeout how long without any inbound DTLS or SRTP packet, while media is expected,
 *     before the path is lost
 */
public record KeepaliveSettings(Duration keepaliveInterval, Duration consentTimeout, Duration mediaTimeout) {

    /**
     * keepaliveInterval 2.5 s, as libwebrtc pings a selected pair: twelve refreshes inside a 30 s
     * pinhole, so even several lost requests never let it close. consentTimeout 10 s: four
     * unanswered requests in a row, which random loss does not produce (at 10 % loss, one time in
     * ten thousand), yet four times faster than RFC 7675's 30 s consent expiry, which is meant for
     * stopping to send, not for failing over. mediaTimeout 5 s: a flowing call sends audio every
     * 20 ms and RTCP every few seconds; five silent seconds is a broken path, not a quiet room.
     */
    public static KeepaliveSettings defaults() {
        return new KeepaliveSettings(Duration.ofMillis(2500), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    public KeepaliveSettings {
        requirePositive("keepaliveInterval", keepaliveInterval);
        requirePositive("consentTimeout", consentTimeout);
        requirePositive("mediaTimeout", mediaTimeout);
        if (consentTimeout.compareTo(keepaliveInterval) <= 0) {
            throw new IllegalArgumentException("consentTimeout (" + consentTimeout.toMillis()
                    + " ms) must be longer than keepaliveInterval (" + keepaliveInterval.toMillis()
                    + " ms), or one late answer would lose the path");
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
