package com.roomagent.transport.stun;

import com.roomagent.protocol.stun.StunCredentials;
import java.util.Objects;

/**
 * The short-term credentials for STUN on the media path (RFC 5389 section 10.1), which signaling
 * hands out per flow: requests carry USERNAME and a MESSAGE-INTEGRITY keyed with the password, and
 * responses must carry a MESSAGE-INTEGRITY with the same key. Never logged: {@link #toString()}
 * shows the username only.
 */
public record ShortTermCredentials(String username, String password) {

    public ShortTermCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** The MESSAGE-INTEGRITY key (RFC 5389 section 15.4). */
    public byte[] key() {
        return StunCredentials.shortTermKey(password);
    }

    @Override
    public String toString() {
        return "ShortTermCredentials[username=" + username + ", password=(hidden)]";
    }
}
