package com.roomagent.agent.metrics;

import com.roomagent.agent.provisioning.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsent metrics batches, oldest first, held in memory and in a directory (one file per batch,
 * written atomically, named {@code <sequence>-<batchId>.json}) so they survive an outage and an
 * agent restart. Bounded in count and bytes: adding beyond a bound drops the oldest batches, with
 * one log line saying how many. A batch that cannot be written to disk is kept in memory only.
 * Not thread-safe; its owner ({@link MetricsRecorder}) guards it.
 */
public final class MetricsSpool {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsSpool.class);
    private static final Pattern FILE = Pattern.compile("(\\d{20})-([0-9A-Za-z-]{1,64})\\.json");

    /** One spooled batch. */
    public record Entry(long sequence, String batchId, byte[] json, Optional<Path> file) {}

    private final Path directory;
    private final int maxBatches;
    private final long maxBytes;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long bytes;
    private long nextSequence;
    private long droppedTotal;

    /**
     * Opens the spool in {@code directory}, loading the batches a previous run left (and dropping
     * the oldest beyond the bounds).
     */
    public MetricsSpool(Path directory, int maxBatches, long maxBytes) {
        if (maxBatches < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("spool bounds must be positive");
        }
        this.directory = directory;
        this.maxBatches = maxBatches;
        this.maxBytes = maxBytes;
        load();
        enforceBounds();
    }

    /**
     * Appends a batch, on disk and in memory, then drops the oldest batches beyond the bounds.
     *
     * @return how many batches were dropped to make room (possibly this one, if alone it is too large)
     */
    public int add(String batchId, byte[] json) {
        long sequence = nextSequence++;
        Path file = directory.resolve(String.format("%020d-%s.json", sequence, batchId));
        Optional<Path> stored;
        try {
            AtomicFiles.write(file, json);
            stored = Optional.of(file);
        } catch (IOException e) {
            LOG.warn(
                    "event=metrics-spool-write-failed batch_id={} dir={} error=\"{}\" kept=memory-only",
                    batchId,
                    directory,
                    e.getMessage());
            stored = Optional.empty();
        }
        entries.addLast(new Entry(sequence, batchId, json.clone(), stored));
        bytes += json.length;
        return enforceBounds();
    }

    /** The oldest batch, if any. */
    public Optional<Entry> oldest() {
        return Optional.ofNullable(entries.peekFirst());
    }

    /** Removes the batch {@code batchId} (delivered), from memory and disk. */
    public void remove(String batchId) {
        for (var iterator = entries.iterator(); iterator.hasNext(); ) {
            Entry entry = iterator.next();
            if (entry.batchId().equals(batchId)) {
                iterator.remove();
                bytes -= entry.json().length;
                delete(entry);
                return;
            }
        }
    }

    public int size() {
        return entries.size();
    }

    public long bytes() {
        return bytes;
    }

    /** Batches dropped for the bounds since this spool was opened. */
    public long droppedTotal() {
        return droppedTotal;
    }

    /** The batch ids, oldest first. */
    public List<String> batchIds() {
        return entries.stream().map(Entry::batchId).toList();
    }

    private int enforceBounds() {
        int dropped = 0;
        long droppedBytes = 0;
        while (!entries.isEmpty() && (entries.size() > maxBatches || bytes > maxBytes)) {
            Entry oldest = entries.removeFirst();
            bytes -= oldest.json().length;
            droppedBytes += oldest.json().length;
            delete(oldest);
            dropped++;
        }
        if (dropped > 0) {
            droppedTotal += dropped;
            LOG.warn(
                    "event=metrics-spool-dropped batches={} bytes={} kept_batches={} kept_bytes={} max_batches={}"
                            + " max_bytes={} reason=\"oldest unsent metrics dropped to stay within the spool's bounds\"",
                    dropped,
                    droppedBytes,
                    entries.size(),
                    bytes,
                    maxBatches,
                    maxBytes);
        }
        return dropped;
    }

    private void load() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Entry> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue; // a temporary file of an interrupted write, or not ours
                }
                try {
                    found.add(new Entry(
                            Long.parseLong(name.group(1)), name.group(2), Files.readAllBytes(file), Optional.of(file)));
                } catch (IOException e) {
                    LOG.warn("event=metrics-spool-unreadable file={} error=\"{}\"", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("event=metrics-spool-unreadable dir={} error=\"{}\"", directory, e.getMessage());
        }
        found.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        for (Entry entry : found) {
            entries.addLast(entry);
            bytes += entry.json().length;
            nextSequence = Math.max(nextSequence, entry.sequence() + 1);
        }
        if (!found.isEmpty()) {
            LOG.info("event=metrics-spool-loaded batches={} bytes={} dir={}", found.size(), bytes, directory);
        }
    }

    private static void delete(Entry entry) {
        if (entry.file().isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(entry.file().get());
        } catch (IOException e) {
            LOG.warn(
                    "event=metrics-spool-delete-failed file={} error=\"{}\"",
                    entry.file().get(),
                    e.getMessage());
        }
    }
}
