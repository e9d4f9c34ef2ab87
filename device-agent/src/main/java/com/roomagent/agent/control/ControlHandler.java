package com.roomagent.agent.control;

/**
 * What the agent does with one control request. Called on a {@code control-handler-N} thread; may
 * block (an activation waits for the cloud) but must return an answer rather than throw: a
 * runtime exception is logged and answered {@value ControlResponse#INTERNAL_ERROR}.
 */
@FunctionalInterface
public interface ControlHandler {
    /**
     * @param request a request with a known command (unknown ones are refused before this)
     * @param peer who sent it: the peer's user name from the socket's credentials, for logs
     */
    ControlResponse handle(ControlRequest request, String peer);
}
