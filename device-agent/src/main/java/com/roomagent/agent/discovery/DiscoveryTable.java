package com.roomagent.agent.discovery;

import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A discovery report for people: a fixed-width table with one row per node and transport, in the
 * report's order, and a one-line verdict per node. The CLI prints it and the demo shows it; for
 * machines, the report's JSON ({@code DiscoveryJson.mapper()}) is the format.
 *
 * <p>The "best" transport of a node is its most preferred reachable one in R12's order (UDP, TCP,
 * TLS, then UDP on the last-resort port), not the one with the lowest RTT: media takes the
 * preferred path when it works, and the RTTs of one node differ little between transports.
 */
public final class DiscoveryTable {
    private static final List<String> HEADERS = List.of(
            "NODE", "KIND", "REGION", "TRANSPORT", "TARGET", "RESULT", "RTT MS", "SAMPLES", "MAPPED ADDRESS / REASON");
    /** Right-aligned columns: the numbers. */
    private static final List<Integer> RIGHT_ALIGNED = List.of(6, 7);

    private DiscoveryTable() {}

    /**
     * The heading line, the table and the per-node summary, each line ending with a newline.
     *
     * @param nodes the node list the report came from, for kinds and regions; nodes missing from it
     *     show "-"
     */
    public static String render(DiscoveryReport report, List<MediaNode> nodes) {
        Map<String, MediaNode> byId = nodesById(nodes);
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (PairResult result : report.results()) {
            Optional<MediaNode> node = Optional.ofNullable(byId.get(result.nodeId()));
            rows.add(List.of(
                    result.nodeId(),
                    node.map(n -> n.kind().id()).orElse("-"),
                    node.map(MediaNode::region).orElse("-"),
                    result.transport().id(),
                    result.target() == null ? "-" : result.target(),
                    result.reachable() ? "reachable" : result.failure().id(),
                    result.medianRttMillis() == null ? "-" : formatMillis(result.medianRttMillis()),
                    result.rttSamplesMillis().size() + "/" + result.samplesSent(),
                    lastColumn(result)));
        }
        StringBuilder text = new StringBuilder();
        text.append(heading(report)).append('\n');
        appendAligned(text, rows);
        text.append('\n');
        for (String line : summary(report, nodes)) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** The table without kinds and regions, for a report whose node list is not at hand. */
    public static String render(DiscoveryReport report) {
        return render(report, List.of());
    }

    /**
     * One line per node, in report order: its best transport and RTT, where else it is reachable,
     * and why not over the rest; or that it is unreachable, with each transport's reason.
     */
    public static List<String> summary(DiscoveryReport report, List<MediaNode> nodes) {
        Map<String, MediaNode> byId = nodesById(nodes);
        Map<String, List<PairResult>> perNode = report.results().stream()
                .collect(Collectors.groupingBy(PairResult::nodeId, LinkedHashMap::new, Collectors.toList()));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<PairResult>> entry : perNode.entrySet()) {
            MediaNode node = byId.get(entry.getKey());
            String name = node == null
                    ? entry.getKey()
                    : entry.getKey() + " (" + node.kind().id() + ", " + node.region() + ")";
            lines.add(name + ": " + verdict(entry.getValue()));
        }
        return lines;
    }

    private static String verdict(List<PairResult> results) {
        List<PairResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> a.transport().compareTo(b.transport()));
        List<PairResult> reachable =
                sorted.stream().filter(PairResult::reachable).toList();
        String failures = sorted.stream()
                .filter(result -> !result.reachable())
                .map(result -> result.transport().id() + " " + result.failure().id())
                .collect(Collectors.joining(", "));
        if (reachable.isEmpty()) {
            return "unreachable over every transport (" + failures + ")";
        }
        PairResult best = reachable.get(0);
        StringBuilder text = new StringBuilder("best ")
                .append(best.transport().id())
                .append(' ')
                .append(formatMillis(best.medianRttMillis()))
                .append(" ms");
        if (reachable.size() > 1) {
            text.append("; also ")
                    .append(reachable.subList(1, reachable.size()).stream()
                            .map(result -> result.transport().id())
                            .collect(Collectors.joining(", ")));
        }
        if (!failures.isEmpty()) {
            text.append("; not over ").append(failures);
        }
        return text.toString();
    }

    private static String heading(DiscoveryReport report) {
        long reachableNodes = report.results().stream()
                .filter(PairResult::reachable)
                .map(PairResult::nodeId)
                .distinct()
                .count();
        long nodes =
                report.results().stream().map(PairResult::nodeId).distinct().count();
        return "Discovery for " + report.deviceId() + " (trigger " + report.trigger() + "), started "
                + report.startedAt() + ", took " + report.durationMillis() + " ms: " + reachableNodes + " of "
                + nodes + " nodes reachable over " + MediaTransport.values().length + " transports";
    }

    private static String lastColumn(PairResult result) {
        if (result.reachable()) {
            return result.detail() == null ? result.mappedAddress() : result.mappedAddress() + "; " + result.detail();
        }
        return result.detail() == null ? "" : result.detail();
    }

    private static void appendAligned(StringBuilder text, List<List<String>> rows) {
        int columns = HEADERS.size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                boolean last = i == columns - 1;
                String padding = " ".repeat(widths[i] - cell.length());
                if (RIGHT_ALIGNED.contains(i)) {
                    line.append(padding).append(cell);
                } else {
                    line.append(cell).append(last ? "" : padding);
                }
                if (!last) {
                    line.append("  ");
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static Map<String, MediaNode> nodesById(List<MediaNode> nodes) {
        return nodes.stream().collect(Collectors.toMap(MediaNode::id, Function.identity(), (a, b) -> a));
    }

    static String formatMillis(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }
}
