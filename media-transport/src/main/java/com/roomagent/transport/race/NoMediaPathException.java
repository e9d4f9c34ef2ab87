package com.roomagent.transport.race;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * No candidate of a race answered: the message lists every candidate and why it failed, so the
 * operator can tell which ports and protocols are blocked.
 */
public class NoMediaPathException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<AttemptRecord> attempts;

    public NoMediaPathException(List<AttemptRecord> attempts) {
        super(message(attempts));
        this.attempts = List.copyOf(attempts);
    }

    public List<AttemptRecord> attempts() {
        return attempts;
    }

    private static String message(List<AttemptRecord> attempts) {
        if (attempts.isEmpty()) {
            return "no media path: the node offered no media candidates";
        }
        return "no media path: no candidate answered STUN; open at least one of these to the media node: "
                + attempts.stream().map(AttemptRecord::describe).collect(Collectors.joining("; "));
    }
}
