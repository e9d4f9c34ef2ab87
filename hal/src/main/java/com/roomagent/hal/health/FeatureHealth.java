package com.roomagent.hal.health;

import com.roomagent.hal.health.FeatureStatus.State;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of every feature, updated by the part that drives it. A failing device marks its own
 * feature degraded and nothing else: this is how one broken sensor stays one broken sensor.
 *
 * <p>Thread-safe. The change callback runs on the thread that reported the change, only when the
 * state or detail actually changes.
 */
public final class FeatureHealth {
    private static final Logger log = LoggerFactory.getLogger(FeatureHealth.class);

    private final Map<Feature, FeatureStatus> statuses = new EnumMap<>(Feature.class);
    private final Consumer<FeatureStatus> onChange;

    /** Every feature starts absent. */
    public FeatureHealth(Consumer<FeatureStatus> onChange) {
        this.onChange = onChange;
        for (Feature feature : Feature.values()) {
            statuses.put(feature, new FeatureStatus(feature, State.ABSENT, ""));
        }
    }

    public void ok(Feature feature, String detail) {
        update(new FeatureStatus(feature, State.OK, detail));
    }

    public void degraded(Feature feature, String reason) {
        update(new FeatureStatus(feature, State.DEGRADED, reason));
    }

    public synchronized FeatureStatus of(Feature feature) {
        return statuses.get(feature);
    }

    /** Every feature, in declaration order. */
    public synchronized List<FeatureStatus> all() {
        return List.copyOf(new ArrayList<>(statuses.values()));
    }

    private void update(FeatureStatus status) {
        FeatureStatus previous;
        synchronized (this) {
            previous = statuses.put(status.feature(), status);
        }
        if (status.equals(previous)) {
            return;
        }
        if (status.state() == State.DEGRADED && (previous == null || previous.state() != State.DEGRADED)) {
            log.warn("feature={} state=degraded reason=\"{}\"", status.feature().label(), status.detail());
        } else if (status.state() == State.OK && previous != null && previous.state() == State.DEGRADED) {
            log.info(
                    "feature={} state=recovered detail=\"{}\"", status.feature().label(), status.detail());
        }
        onChange.accept(status);
    }
}
