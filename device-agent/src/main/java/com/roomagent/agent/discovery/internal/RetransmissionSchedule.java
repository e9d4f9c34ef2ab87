package com.roomagent.agent.discovery.internal;

import com.roomagent.agent.discovery.ProbeSettings;
import java.time.Duration;

/**
 * When one STUN transaction over UDP sends its request and when it gives up, as RFC 5389 section
 * 7.2.1 specifies: the first transmission at 0, then RTO, 2 RTO, 4 RTO... after the previous one
 * (so at 0, 1, 3, 7... RTO), Rc transmissions in all; the transaction fails Rm x RTO after the
 * last. Every transmission carries the same transaction id, so a late answer to any of them ends
 * the transaction. Offsets count from the first transmission.
 */
public final class RetransmissionSchedule {
    private final Duration initialRto;
    private final int maxTransmissions;
    private final Duration timeout;

    public RetransmissionSchedule(ProbeSettings settings) {
        this.initialRto = settings.udpInitialRto();
        this.maxTransmissions = settings.udpMaxTransmissions();
        this.timeout = settings.udpTransactionTimeout();
    }

    /** Rc, the number of transmissions of one request. */
    public int maxTransmissions() {
        return maxTransmissions;
    }

    /**
     * When transmission {@code index} (0 for the first) goes out: RTO x (2^index - 1).
     *
     * @throws IllegalArgumentException when {@code index} is not below {@link #maxTransmissions()}
     */
    public Duration sendOffset(int index) {
        if (index < 0 || index >= maxTransmissions) {
            throw new IllegalArgumentException(
                    "transmission index must be 0 to " + (maxTransmissions - 1) + ", was " + index);
        }
        return initialRto.multipliedBy((1L << index) - 1);
    }

    /** When the transaction is declared unanswered: the last transmission plus Rm x RTO. */
    public Duration timeout() {
        return timeout;
    }
}
