package com.roomagent.agent.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.agent.control.ControlClientException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The CLI's end of the control socket: one connection per request, one request line out, one
 * answer line back. Stateless; each call opens and closes its own connection.
 */
public final class ControlClient {
    /** Answers are small, but the discovery report in a status answer can run to some kilobytes. */
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final Path path;
    private final Duration responseTimeout;

    /**
     * @param path the agent's control socket ({@code control.socketPath})
     * @param responseTimeout how long to wait for the answer; an activation waits for the cloud
     */
    public ControlClient(Path path, Duration responseTimeout) {
        this.path = Objects.requireNonNull(path, "path");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /**
     * Sends {@code request} and returns the agent's answer, which may itself be a failure ({@link
     * ControlResponse#ok()} false).
     *
     * @throws ControlClientException when no agent answers, this user may not connect, or the
     *     answer is late or unreadable
     */
    public ControlResponse send(ControlRequest request) throws ControlClientException {
        if (!Files.exists(path)) {
            throw notRunning(null);
        }
        // Serialized before connecting: on a slow board (or under emulation) the JSON library's
        // first use takes seconds, and the agent gives a connection 5 s to send its line.
        String line;
        try {
            line = ControlJson.mapper().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a control request is always serializable", e);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(path));
            } catch (ConnectException e) {
                throw notRunning(e);
            } catch (SocketException e) {
                String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                if (text.contains("permission denied")) {
                    throw new ControlClientException(
                            Reason.PERMISSION_DENIED,
                            path,
                            "permission denied on the control socket " + path + " (mode 0660): run as the"
                                    + " agent's user or a member of its group, or with sudo",
                            e);
                }
                throw notRunning(e);
            }
            try (LineChannel lines = new LineChannel(channel)) {
                try {
                    lines.writeLine(line, SEND_TIMEOUT);
                } catch (IOException e) {
                    // The agent may have answered (busy) and closed before reading: its answer is
                    // waiting to be read, and says more than the broken pipe.
                }
                String answer = lines.readLine(MAX_RESPONSE_BYTES, responseTimeout);
                return ControlJson.mapper().readValue(answer, ControlResponse.class);
            }
        } catch (ControlClientException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw new ControlClientException(
                    Reason.TIMEOUT,
                    path,
                    "the agent did not answer within " + responseTimeout.toSeconds() + " s; `room-agent status`"
                            + " shows whether it is still working on it",
                    e);
        } catch (JsonProcessingException e) {
            throw new ControlClientException(
                    Reason.PROTOCOL,
                    path,
                    "the agent's answer is not the control protocol's JSON: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new ControlClientException(
                    Reason.PROTOCOL, path, "the connection to the agent broke: " + e.getMessage(), e);
        }
    }

    private ControlClientException notRunning(Exception cause) {
        return new ControlClientException(
                Reason.AGENT_NOT_RUNNING,
                path,
                "no agent is running (nothing answers on " + path + "). Start it with `systemctl start"
                        + " room-agent`, or `room-agent run` with the same --state-dir",
                cause);
    }
}
