package com.roomagent.transport.stun;

import java.io.IOException;

/**
 * A Binding transaction on the media channel did not succeed: the node answered with an error
 * response, the channel closed, or no answer came in time. The message names the node and what
 * happened.
 */
public class StunTransactionException extends IOException {
    private static final long serialVersionUID = 1L;

    public StunTransactionException(String message) {
        super(message);
    }

    public StunTransactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
