package io.rackscope.desktop.alerting;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.health.HealthSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which forecasts to announce ({@code planner.forecast.announce}, off by default): each crossing
 * once, when it first comes within {@code announce_within}; announced again only after it was gone
 * from the forecasts (the trend turned) and came back, or heads for a worse severity.
 */
public final class ForecastAnnouncements {
    private final AppConfig.Forecast settings;
    private Set<String> said = new HashSet<>();

    public ForecastAnnouncements(AppConfig.Forecast settings) {
        this.settings = settings;
    }

    /** The forecasts of a live snapshot to announce now; none when announcing is off. */
    public List<Forecast> next(HealthSnapshot s) {
        if (!settings.announce()) {
            return List.of();
        }
        Set<String> now = new HashSet<>();
        List<Forecast> out = new ArrayList<>();
        for (Forecast f : s.forecasts()) {
            String key = f.key() + '\u0000' + f.severity();
            if (f.etaSeconds() > settings.announceWithin().toSeconds()) {
                if (said.contains(key)) {
                    now.add(key); // said already; still forecast, if further off again
                }
                continue;
            }
            now.add(key);
            if (!said.contains(key)) {
                out.add(f);
            }
        }
        said = now;
        return out;
    }
}
