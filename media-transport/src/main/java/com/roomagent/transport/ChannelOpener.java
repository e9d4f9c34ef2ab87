package com.roomagent.transport;

import java.io.IOException;

/**
 * Opens a media channel to a candidate: the seam between the race and the sockets, so tests can
 * inject fake channels. Blocking; safe to call from several threads at once.
 */
@FunctionalInterface
public interface ChannelOpener {

    /**
     * Opens a channel: binds a local port and, for TCP and TLS, connects and completes the
     * handshake. The caller owns the channel and closes it.
     *
     * @throws IOException when the node cannot be reached on that transport; the message names the
     *     candidate and the step that failed (resolve, connect, TLS handshake)
     */
    MediaChannel open(MediaCandidate candidate) throws IOException;
}
