package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.Severity;

/**
 * A check's value heading for its next threshold: {@code severity} is what the entity will be at
 * {@code threshold}, reached in {@code etaSeconds} at {@code ratePerSecond} from {@code value} now;
 * {@code fit} how straight the trend was (R²). The entity is named as in {@link Alert}: its key,
 * its path for people, its rack and device (null where it has none).
 */
public record Forecast(
        String check,
        String entity,
        String path,
        String rack,
        String device,
        Severity severity,
        double etaSeconds,
        double value,
        double threshold,
        double ratePerSecond,
        double fit) {

    /** The same forecast about an entity placed in the estate. */
    public Forecast placed(String entityKey, String entityPath, String rackKey, String deviceKey) {
        return new Forecast(
                check,
                entityKey,
                entityPath,
                rackKey,
                deviceKey,
                severity,
                etaSeconds,
                value,
                threshold,
                ratePerSecond,
                fit);
    }

    /** The same forecast {@code seconds} later: the crossing that much nearer. */
    public Forecast sooner(double seconds) {
        return new Forecast(
                check,
                entity,
                path,
                rack,
                device,
                severity,
                etaSeconds - seconds,
                value + ratePerSecond * seconds,
                threshold,
                ratePerSecond,
                fit);
    }

    /** The key of the alert it belongs to, when there is one (see {@link Alert#key}). */
    public String key() {
        return Alert.key(check, entity);
    }
}
