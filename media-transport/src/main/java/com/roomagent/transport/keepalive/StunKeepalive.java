package com.roomagent.transport.keepalive;

import com.roomagent.transport.PacketKind;
import com.roomagent.transport.stun.BindingTransaction;
import com.roomagent.transport.stun.StunSession;
import com.roomagent.transport.timing.Scheduler;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O edge of {@link PathKeepalive}: sends its requests as Binding transactions on the path's
 * {@link StunSession}, reports answers with their RTT, counts inbound DTLS and SRTP as media, and
 * reports the channel closing. A late answer still counts (it proves the path); only the last few
 * transactions are kept waiting.
 */
public final class StunKeepalive {
    private static final Logger LOG = LoggerFactory.getLogger(StunKeepalive.class);
    private static final int OUTSTANDING = 4;

    private StunKeepalive() {}

    /**
     * Wires a keepalive to {@code stun} and starts it. The session's observer and close listener
     * are taken over. The caller owns the returned keepalive and closes it when the flow ends.
     */
    public static PathKeepalive start(
            StunSession stun,
            KeepaliveSettings settings,
            Scheduler scheduler,
            Consumer<PathEvent> listener,
            String path) {
        Deque<BindingTransaction> outstanding = new ArrayDeque<>();
        PathKeepalive[] holder = new PathKeepalive[1];
        PathKeepalive.Probe probe = () -> {
            BindingTransaction transaction = stun.newBinding();
            synchronized (outstanding) {
                outstanding.addLast(transaction);
                if (outstanding.size() > OUTSTANDING) {
                    outstanding.removeFirst().abandon();
                }
            }
            transaction.response().whenComplete((answer, error) -> {
                if (answer != null) {
                    holder[0].answered(answer.rtt());
                }
            });
            try {
                transaction.send();
            } catch (IOException e) {
                LOG.info("event=keepalive-send-failed path=\"{}\" error=\"{}\"", path, e.getMessage());
            }
        };
        PathKeepalive keepalive = new PathKeepalive(settings, scheduler, probe, listener, path);
        holder[0] = keepalive;
        stun.observer(kind -> {
            if (kind == PacketKind.DTLS || kind == PacketKind.SRTP) {
                keepalive.mediaArrived();
            }
        });
        stun.onClosed(cause -> keepalive.channelClosed(
                cause == null ? "the channel was closed locally" : "the channel failed: " + cause.getMessage()));
        keepalive.start();
        return keepalive;
    }
}
