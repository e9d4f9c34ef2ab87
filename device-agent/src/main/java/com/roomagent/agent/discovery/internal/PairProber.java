package com.roomagent.agent.discovery.internal;

import com.roomagent.protocol.discovery.PairResult;

/**
 * Probes one node over one transport with STUN binding requests.
 *
 * <p>Contract: every network condition, including an unresolvable name, ends in a {@link
 * PairResult} with a failure reason, never in an exception. The call blocks the calling thread for
 * at most the settings' {@code pairTimeout} of the transport, plus name resolution. Implementations
 * are thread-safe: one instance probes many pairs at once, each call owning its own socket.
 */
@FunctionalInterface
public interface PairProber {
    PairResult probe(ProbeTarget target);
}
