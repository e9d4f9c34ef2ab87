package com.roomagent.emulator.medianode;

import java.net.InetSocketAddress;

/** One bound transport of a media node. Closing releases its port and stops its threads. */
interface TransportListener extends AutoCloseable {
    /** The bound address, with the actual port. */
    InetSocketAddress address();

    /** Idempotent; never throws. */
    @Override
    void close();
}
