package com.roomagent.protocol.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The keys for MESSAGE-INTEGRITY (RFC 5389 §15.4). Passwords go through SASLprep (RFC 4013), as
 * RFC 5389 requires; RFC 8489 §9.2.2 replaces it with OpaqueString (RFC 8265), which gives the
 * same result for the passwords ICE and TURN use in practice. Keys are credentials: never log them.
 */
public final class StunCredentials {
    private StunCredentials() {}

    /**
     * The short-term credential key (RFC 5389 §15.4): the password after SASLprep, as UTF-8. ICE
     * uses it with the remote peer's password (RFC 8445 §7.2.2).
     *
     * @throws IllegalArgumentException if SASLprep rejects the password; the message names the
     *     offending position, never the password
     */
    public static byte[] shortTermKey(String password) {
        Objects.requireNonNull(password, "password");
        return SaslPrep.prepare(password).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The long-term credential key (RFC 5389 §15.4): MD5(username ":" realm ":" SASLprep(password)),
     * over UTF-8. The username and realm are used as they appear in the USERNAME and REALM
     * attributes, where the sender has already prepared them (§15.3, §15.7).
     *
     * @throws IllegalArgumentException if SASLprep rejects the password
     */
    public static byte[] longTermKey(String username, String realm, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(password, "password");
        String input = username + ":" + realm + ":" + SaslPrep.prepare(password);
        return Digests.md5(input.getBytes(StandardCharsets.UTF_8));
    }
}
