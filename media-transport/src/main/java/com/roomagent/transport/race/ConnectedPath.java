package com.roomagent.transport.race;

import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.stun.StunSession;
import java.time.Duration;
import java.util.Objects;

/**
 * A candidate whose channel is open and whose node has answered STUN on it: the 5-tuple that DTLS
 * and media may now use (R15). Whoever holds it owns the channel and closes it.
 *
 * @param rtt the RTT of the STUN exchange that proved the path
 */
public record ConnectedPath(MediaCandidate candidate, StunSession stun, Duration rtt) implements AutoCloseable {

    public ConnectedPath {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(stun, "stun");
        Objects.requireNonNull(rtt, "rtt");
    }

    public MediaChannel channel() {
        return stun.channel();
    }

    @Override
    public void close() {
        stun.channel().close();
    }
}
