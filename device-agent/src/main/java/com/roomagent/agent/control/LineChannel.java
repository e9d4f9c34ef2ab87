package com.roomagent.agent.control;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One line of UTF-8 text each way over a stream socket, with a deadline and a size cap, for both
 * ends of the control socket. Unix domain channels have no socket timeout, so the channel is put
 * in non-blocking mode and waited on with a selector. Does not own the channel.
 */
final class LineChannel implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;

    /** @throws IOException when the channel cannot be made non-blocking or no selector opens */
    LineChannel(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.key = channel.register(selector, 0);
    }

    /**
     * Reads up to the first newline, which is not returned.
     *
     * @throws LineTooLongException when {@code maxBytes} arrive without a newline
     * @throws SocketTimeoutException when the line is not complete within {@code timeout}
     * @throws EOFException when the peer closes before the newline
     */
    String readLine(int maxBytes, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(maxBytes + 1, 8192));
        key.interestOps(SelectionKey.OP_READ);
        while (true) {
            int read = channel.read(buffer);
            if (read < 0) {
                throw new EOFException("the peer closed the connection after " + line.size() + " bytes");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte next = buffer.get();
                if (next == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(next);
                if (line.size() > maxBytes) {
                    throw new LineTooLongException(maxBytes);
                }
            }
            buffer.clear();
            if (read == 0) {
                await(deadline, timeout, "a complete line");
            }
        }
    }

    /**
     * Writes {@code text} and a newline.
     *
     * @throws SocketTimeoutException when the peer does not take it within {@code timeout}
     */
    void writeLine(String text, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer bytes = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        key.interestOps(SelectionKey.OP_WRITE);
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                await(deadline, timeout, "the peer to read");
            }
        }
    }

    /**
     * Ends the exchange politely: no more output, then whatever the peer still sends is read and
     * dropped until it closes, {@code maxBytes} are dropped, or {@code maxWait} passes. Closing a
     * Unix socket with unread input makes the peer's next read fail with a reset, losing the answer
     * it has not read yet.
     */
    void finish(int maxBytes, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        ByteBuffer sink = ByteBuffer.allocate(4096);
        int dropped = 0;
        try {
            channel.shutdownOutput();
            key.interestOps(SelectionKey.OP_READ);
            while (dropped <= maxBytes) {
                sink.clear();
                int read = channel.read(sink);
                if (read < 0) {
                    return;
                }
                dropped += read;
                if (read == 0) {
                    long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                    if (remainingMillis <= 0) {
                        return;
                    }
                    selector.select(remainingMillis);
                    selector.selectedKeys().clear();
                }
            }
        } catch (IOException e) {
            // The peer is gone already: nothing left to be polite to.
        }
    }

    private void await(long deadline, Duration timeout, String what) throws IOException {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new SocketTimeoutException("waited " + timeout.toMillis() + " ms for " + what);
        }
        selector.select(remainingMillis);
        selector.selectedKeys().clear();
    }

    /** Closes the selector (deregistering the channel); the channel is its owner's to close. */
    @Override
    public void close() throws IOException {
        key.cancel();
        selector.close();
    }

    /** The peer sent more than the cap without a newline. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(int maxBytes) {
            super("more than " + maxBytes + " bytes without a newline");
        }
    }
}
