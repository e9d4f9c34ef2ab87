package com.roomagent.agent.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link NetworkDiagnosis} as plain words for people, or as a JSON-ready tree for scripts. */
public final class DiagnosisRendering {
    private DiagnosisRendering() {}

    /** The diagnosis in plain words, one finding or recommendation per line. */
    public static String text(NetworkDiagnosis diagnosis) {
        StringBuilder out = new StringBuilder();
        diagnosis
                .bestPath()
                .ifPresentOrElse(
                        path -> out.append(String.format(
                                Locale.ROOT,
                                "Media path: %s node %s over %s (%s), median round trip %.1f ms.%n",
                                path.kind().id(),
                                path.nodeId(),
                                NetworkDiagnoser.describe(path.transport()),
                                path.target(),
                                path.medianRttMillis())),
                        () -> out.append(String.format("Media path: none, media is unavailable.%n")));
        out.append(String.format("What the probe found:%n"));
        for (Finding finding : diagnosis.findings()) {
            out.append("  - ").append(finding.text()).append(System.lineSeparator());
        }
        if (diagnosis.recommendations().isEmpty()) {
            out.append(String.format("Nothing to change: this network gives media the best path.%n"));
        } else {
            out.append(String.format("What to change, best first:%n"));
            int n = 1;
            for (Recommendation recommendation : diagnosis.recommendations()) {
                out.append(String.format(Locale.ROOT, "  %d. %s%n", n++, recommendation.text()));
            }
        }
        return out.toString();
    }

    /** The diagnosis as a tree of maps and lists, for a JSON writer. */
    public static Map<String, Object> json(NetworkDiagnosis diagnosis) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("mediaAvailable", diagnosis.mediaAvailable());
        tree.put(
                "bestPath",
                diagnosis
                        .bestPath()
                        .map(path -> {
                            Map<String, Object> p = new LinkedHashMap<>();
                            p.put("nodeId", path.nodeId());
                            p.put("kind", path.kind().id());
                            p.put("transport", path.transport().id());
                            p.put("target", path.target());
                            p.put("medianRttMillis", path.medianRttMillis());
                            return p;
                        })
                        .orElse(null));
        tree.put(
                "findings",
                diagnosis.findings().stream()
                        .map(f -> Map.of("code", f.code(), "text", f.text()))
                        .toList());
        List<Map<String, String>> recommendations = diagnosis.recommendations().stream()
                .map(r -> Map.of("code", r.code(), "text", r.text()))
                .toList();
        tree.put("recommendations", recommendations);
        return tree;
    }
}
