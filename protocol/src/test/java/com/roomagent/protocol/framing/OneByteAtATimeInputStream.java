package com.roomagent.protocol.framing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Returns at most one byte per read, the shortest reads a TCP stream may legally give. */
final class OneByteAtATimeInputStream extends FilterInputStream {
    OneByteAtATimeInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return super.read(buffer, offset, Math.min(length, 1));
    }
}
