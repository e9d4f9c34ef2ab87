package com.roomagent.protocol.framing;

import java.io.IOException;

/**
 * The stream broke the framing: it ended inside a packet, or carried a header that cannot start a
 * packet. The stream has lost its packet boundaries and cannot be read further; close it.
 */
public class FramingException extends IOException {
    private static final long serialVersionUID = 1L;

    public FramingException(String message) {
        super(message);
    }
}
