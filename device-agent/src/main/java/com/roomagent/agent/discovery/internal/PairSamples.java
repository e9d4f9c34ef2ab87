package com.roomagent.agent.discovery.internal;

import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The samples of one node and transport as they come in, and the {@link PairResult} they make.
 * Confined to the thread probing the pair.
 *
 * <p>A pair is reachable when at least one transaction got a valid success response (the contract
 * of {@link PairResult#reachable()}). When a later transaction of a reachable pair fails, the pair
 * stays reachable and the detail says what went wrong, so a lossy path is visible in the report.
 * The detail of a reachable pair also carries notes that qualify its RTTs (connect and handshake
 * times, answers that needed a retransmission).
 */
public final class PairSamples {
    private final ProbeTarget target;
    private final List<Double> rttsMillis = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int sent;
    private int retransmitted;
    private String mappedAddress;

    public PairSamples(ProbeTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** A new transaction (not a retransmission) started. */
    public void transactionStarted() {
        sent++;
    }

    /**
     * A transaction got its success response.
     *
     * @param rttNanos from the first transmission of the request to the response
     * @param mapped the reflexive address in the response, as {@code host:port}
     * @param afterRetransmission whether the request had been sent more than once by then
     */
    public void answered(long rttNanos, String mapped, boolean afterRetransmission) {
        rttsMillis.add(nanosToMillis(rttNanos));
        mappedAddress = Objects.requireNonNull(mapped, "mapped");
        if (afterRetransmission) {
            retransmitted++;
        }
    }

    /** A remark that qualifies the RTTs of a reachable pair, such as the connect time. */
    public void note(String note) {
        notes.add(note);
    }

    public int answeredCount() {
        return rttsMillis.size();
    }

    /** The result when every transaction was answered. */
    public PairResult complete() {
        return reachable(null);
    }

    /**
     * The result when a transaction failed and the pair stops there: unreachable when nothing was
     * answered before, otherwise reachable with the failure in the detail.
     */
    public PairResult failed(ProbeFailure failure, String detail) {
        if (rttsMillis.isEmpty()) {
            return new PairResult(
                    target.nodeId(),
                    target.transport(),
                    target.hostPort(),
                    false,
                    null,
                    List.of(),
                    sent,
                    null,
                    failure,
                    detail);
        }
        return reachable(rttsMillis.size() + " of " + sent + " samples answered; then " + failure.id() + ": " + detail);
    }

    private PairResult reachable(String problem) {
        List<String> parts = new ArrayList<>(notes);
        if (retransmitted > 0) {
            // The answer does not say which transmission it answers (the ambiguity Karn's algorithm
            // avoids); we keep the sample, timed from the first transmission, as an upper bound.
            parts.add(retransmitted + " of " + rttsMillis.size()
                    + " answers came after a retransmission (RTT counted from the first transmission)");
        }
        if (problem != null) {
            parts.add(problem);
        }
        return new PairResult(
                target.nodeId(),
                target.transport(),
                target.hostPort(),
                true,
                median(rttsMillis),
                rttsMillis,
                sent,
                mappedAddress,
                null,
                parts.isEmpty() ? null : String.join("; ", parts));
    }

    /** The median of {@code values}: the middle one, or the mean of the two middle ones. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** A duration for a note, such as {@code 2.14 ms}. */
    public static String formatMillis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000.0);
    }

    /** Milliseconds with microsecond precision: finer digits are noise on a real network. */
    public static double nanosToMillis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
