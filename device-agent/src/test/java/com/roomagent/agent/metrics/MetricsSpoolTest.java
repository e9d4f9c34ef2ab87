package com.roomagent.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsSpoolTest {
    @TempDir
    Path directory;

    private static byte[] bytes(int length) {
        return "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void beyondTheBatchCountTheOldestAreDroppedFirst() throws IOException {
        MetricsSpool spool = new MetricsSpool(directory, 3, 1_000_000);
        spool.add("a", bytes(10));
        spool.add("b", bytes(10));
        spool.add("c", bytes(10));

        int dropped = spool.add("d", bytes(10));

        assertEquals(1, dropped);
        assertEquals(List.of("b", "c", "d"), spool.batchIds());
        assertEquals(3, files().size());
        assertEquals(1, spool.droppedTotal());
    }

    @Test
    void beyondTheByteBoundTheOldestAreDroppedUntilItFits() throws IOException {
        MetricsSpool spool = new MetricsSpool(directory, 100, 250);
        spool.add("a", bytes(100));
        spool.add("b", bytes(100));

        int dropped = spool.add("c", bytes(200));

        assertEquals(2, dropped);
        assertEquals(List.of("c"), spool.batchIds());
        assertEquals(200, spool.bytes());
        assertEquals(1, files().size());
    }

    @Test
    void aReopenedSpoolHasTheBatchesOfThePreviousRunInOrder() throws IOException {
        MetricsSpool first = new MetricsSpool(directory, 10, 10_000);
        first.add("a", bytes(5));
        first.add("b", bytes(6));
        first.add("c", bytes(7));
        first.remove("a");

        MetricsSpool reopened = new MetricsSpool(directory, 10, 10_000);

        assertEquals(List.of("b", "c"), reopened.batchIds());
        assertArrayEquals(bytes(6), reopened.oldest().orElseThrow().json());
        reopened.add("d", bytes(1));
        assertEquals(List.of("b", "c", "d"), new MetricsSpool(directory, 10, 10_000).batchIds());
    }

    @Test
    void aReopenedSpoolAppliesTheCurrentBounds() throws IOException {
        MetricsSpool first = new MetricsSpool(directory, 10, 10_000);
        for (String id : List.of("a", "b", "c", "d")) {
            first.add(id, bytes(5));
        }

        MetricsSpool smaller = new MetricsSpool(directory, 2, 10_000);

        assertEquals(List.of("c", "d"), smaller.batchIds());
        assertEquals(2, files().size());
    }

    @Test
    void deliveredBatchesLeaveNoFileAndNoTemporaryFile() throws IOException {
        MetricsSpool spool = new MetricsSpool(directory, 10, 10_000);
        spool.add("a", bytes(5));
        spool.remove("a");

        assertEquals(List.of(), files());
        assertEquals(0, spool.bytes());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
