package com.roomagent.transport.race;

import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.timing.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Races media candidates as Happy Eyeballs (RFC 8305 section 5) races addresses, and as OkHttp's
 * fast fallback races routes: candidates start in preference order, a new one every {@code
 * raceStagger} or at once when one fails, so a silently dropped UDP path costs a stagger, not a
 * timeout. Unlike RFC 8305, the first answer does not win outright: when a candidate answers while
 * more preferred ones are still running, they get {@code graceWindow} to answer, and the most
 * preferred answer wins (R11, R12, R21). Candidates less preferred than an answered one are not
 * started. Losers are closed; a success that arrives after the decision is closed at once.
 *
 * <p>Pure timing logic: every state change runs as a task on the injected {@link Scheduler}, so the
 * race's state has one owning thread and tests run it on virtual time. The I/O is behind {@link
 * AttemptStarter}.
 */
public final class TransportRace {
    private static final Logger LOG = LoggerFactory.getLogger(TransportRace.class);

    private final RaceSettings settings;
    private final Scheduler scheduler;
    private final AttemptStarter starter;

    public TransportRace(RaceSettings settings, Scheduler scheduler, AttemptStarter starter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /**
     * Starts a race among {@code candidates}, most preferred first (see {@link
     * MediaCandidate#ranked}). The future completes on the scheduler's thread with the winner, or
     * with no winner and every candidate's failure; it never completes exceptionally.
     */
    public CompletableFuture<RaceResult> run(List<MediaCandidate> candidates) {
        Run run = new Run(List.copyOf(candidates));
        scheduler.execute(run::begin);
        return run.result;
    }

    private enum State {
        NOT_STARTED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    /** One candidate's progress; touched only on the scheduler's thread. */
    private static final class Slot {
        final MediaCandidate candidate;
        State state = State.NOT_STARTED;
        AttemptStarter.Attempt attempt;
        long startedAt;
        long finishedAt;
        ConnectedPath path;
        String detail = "";

        Slot(MediaCandidate candidate) {
            this.candidate = candidate;
        }
    }

    /** One race; its fields are touched only on the scheduler's thread. */
    private final class Run {
        final CompletableFuture<RaceResult> result = new CompletableFuture<>();
        final List<Slot> slots = new ArrayList<>();
        long begunAt;
        int nextToStart;
        int best = -1;
        boolean done;
        Scheduler.Cancellable staggerTimer;
        Scheduler.Cancellable graceTimer;
        Scheduler.Cancellable deadlineTimer;

        Run(List<MediaCandidate> candidates) {
            for (MediaCandidate candidate : candidates) {
                slots.add(new Slot(candidate));
            }
        }

        void begin() {
            begunAt = scheduler.nanoTime();
            LOG.info("event=race-started candidates={}", slots.size());
            deadlineTimer = scheduler.schedule(settings.raceTimeout(), this::deadline);
            startNext();
            evaluate();
        }

        void startNext() {
            if (staggerTimer != null) {
                staggerTimer.cancel();
                staggerTimer = null;
            }
            if (done || nextToStart >= slots.size() || (best >= 0 && nextToStart > best)) {
                return;
            }
            int index = nextToStart++;
            Slot slot = slots.get(index);
            slot.state = State.RUNNING;
            slot.startedAt = scheduler.nanoTime();
            LOG.debug(
                    "event=race-attempt-started candidate=\"{}\" after_ms={}",
                    slot.candidate.describe(),
                    millis(slot.startedAt - begunAt));
            slot.attempt = starter.start(slot.candidate, new AttemptStarter.Listener() {
                @Override
                public void succeeded(ConnectedPath path) {
                    scheduler.execute(() -> onSuccess(index, path));
                }

                @Override
                public void failed(String reason) {
                    scheduler.execute(() -> onFailure(index, reason));
                }
            });
            if (nextToStart < slots.size()) {
                staggerTimer = scheduler.schedule(settings.raceStagger(), this::startNext);
            }
        }

        void onSuccess(int index, ConnectedPath path) {
            Slot slot = slots.get(index);
            if (done || slot.state != State.RUNNING) {
                path.close();
                return;
            }
            slot.state = State.SUCCEEDED;
            slot.finishedAt = scheduler.nanoTime();
            slot.path = path;
            slot.detail = "";
            if (best < 0 || index < best) {
                best = index;
            }
            if (staggerTimer != null && nextToStart > best) {
                staggerTimer.cancel();
                staggerTimer = null;
            }
            evaluate();
        }

        void onFailure(int index, String reason) {
            Slot slot = slots.get(index);
            if (done || slot.state != State.RUNNING) {
                return;
            }
            slot.state = State.FAILED;
            slot.finishedAt = scheduler.nanoTime();
            slot.detail = reason;
            LOG.debug("event=race-attempt-failed candidate=\"{}\" reason=\"{}\"", slot.candidate.describe(), reason);
            // Happy Eyeballs: a failure starts the next candidate now, not at the stagger.
            startNext();
            evaluate();
        }

        void evaluate() {
            if (done) {
                return;
            }
            if (best >= 0) {
                boolean morePreferredPending = false;
                for (int i = 0; i < best; i++) {
                    if (slots.get(i).state == State.RUNNING || slots.get(i).state == State.NOT_STARTED) {
                        morePreferredPending = true;
                        break;
                    }
                }
                if (!morePreferredPending) {
                    finish();
                } else if (graceTimer == null) {
                    graceTimer = scheduler.schedule(settings.graceWindow(), this::finish);
                }
                return;
            }
            boolean anyRunning = slots.stream().anyMatch(slot -> slot.state == State.RUNNING);
            if (!anyRunning && nextToStart >= slots.size()) {
                finish();
            }
        }

        void deadline() {
            if (!done) {
                for (Slot slot : slots) {
                    if (slot.state == State.RUNNING) {
                        slot.detail = "still running at the race deadline (raceTimeout "
                                + settings.raceTimeout().toMillis() + " ms)";
                    } else if (slot.state == State.NOT_STARTED) {
                        slot.detail = "not started before the race deadline";
                    }
                }
                finish();
            }
        }

        void finish() {
            if (done) {
                return;
            }
            done = true;
            long now = scheduler.nanoTime();
            for (Scheduler.Cancellable timer : new Scheduler.Cancellable[] {staggerTimer, graceTimer, deadlineTimer}) {
                if (timer != null) {
                    timer.cancel();
                }
            }
            List<AttemptRecord> records = new ArrayList<>();
            Optional<ConnectedPath> winner = Optional.empty();
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                AttemptRecord.Outcome outcome;
                switch (slot.state) {
                    case RUNNING:
                        slot.attempt.cancel();
                        slot.state = State.CANCELLED;
                        outcome = AttemptRecord.Outcome.CANCELLED;
                        break;
                    case SUCCEEDED:
                        if (i == best) {
                            outcome = AttemptRecord.Outcome.WON;
                            winner = Optional.of(slot.path);
                        } else {
                            slot.path.close();
                            outcome = AttemptRecord.Outcome.LOST;
                        }
                        break;
                    case FAILED:
                        outcome = AttemptRecord.Outcome.FAILED;
                        break;
                    default:
                        outcome = AttemptRecord.Outcome.NOT_STARTED;
                }
                boolean started = outcome != AttemptRecord.Outcome.NOT_STARTED;
                boolean finished = slot.state == State.SUCCEEDED || slot.state == State.FAILED;
                records.add(new AttemptRecord(
                        slot.candidate,
                        outcome,
                        started ? Optional.of(Duration.ofNanos(slot.startedAt - begunAt)) : Optional.empty(),
                        finished ? Optional.of(Duration.ofNanos(slot.finishedAt - begunAt)) : Optional.empty(),
                        slot.path == null ? Optional.empty() : Optional.of(slot.path.rtt()),
                        slot.detail));
            }
            RaceResult raceResult = new RaceResult(winner, records, Duration.ofNanos(now - begunAt));
            if (winner.isPresent()) {
                LOG.info(
                        "event=race-won candidate=\"{}\" elapsed_ms={} rtt_ms={}",
                        winner.get().candidate().describe(),
                        millis(now - begunAt),
                        winner.get().rtt().toMillis());
            } else {
                LOG.warn(
                        "event=race-failed elapsed_ms={} attempts=\"{}\"",
                        millis(now - begunAt),
                        records.stream()
                                .map(AttemptRecord::describe)
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""));
            }
            result.complete(raceResult);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
