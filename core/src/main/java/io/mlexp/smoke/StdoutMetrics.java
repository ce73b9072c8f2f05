package io.mlexp.smoke;

import io.mlexp.check.SourceLocation;
import io.mlexp.config.Regex;
import io.mlexp.metrics.BoundedSamples;
import io.mlexp.metrics.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Metrics read from what a training script prints ({@code smoke.stdout-metrics}), as the output streams by: each line
 * in which a pattern finds its {@code value} is a sample, at the step its {@code step} group names, or else counted.
 * The patterns run on RE2/J, in time linear in the line; memory is bounded as for any metrics log.
 */
public final class StdoutMetrics implements Consumer<String> {
    private final Map<String, Regex> patterns;
    private final BoundedSamples samples = new BoundedSamples();
    private long counted;
    private int line;

    private StdoutMetrics(Map<String, Regex> patterns) {
        this.patterns = patterns;
    }

    public static StdoutMetrics of(Map<String, Regex> patterns) {
        return new StdoutMetrics(Map.copyOf(patterns));
    }

    /** Reads each line, then hands it on to {@code progress}. */
    public Consumer<String> tee(Consumer<String> progress) {
        return text -> {
            accept(text);
            progress.accept(text);
        };
    }

    public boolean isConfigured() {
        return !patterns.isEmpty();
    }

    @Override
    public synchronized void accept(String text) {
        line++;
        if (patterns.isEmpty()) {
            return;
        }
        var values = new LinkedHashMap<String, Double>();
        Long step = null;
        for (var pattern : patterns.entrySet()) {
            var matcher = pattern.getValue().pattern().matcher(text);
            if (!matcher.find()) {
                continue;
            }
            try {
                values.put(pattern.getKey(), Double.parseDouble(matcher.group("value").strip()));
                if (step == null && pattern.getValue().pattern().namedGroups().containsKey("step") && matcher.group("step") != null) {
                    step = Long.parseLong(matcher.group("step").strip());
                }
            } catch (NumberFormatException e) {
                // a printed line that only looks like a metric ("loss nan%"): not a sample
            }
        }
        if (!values.isEmpty()) {
            counted++;
            samples.accept(new Sample(step != null ? step : counted, values, SourceLocation.of("output", line)));
        }
    }

    public synchronized List<Sample> samples() {
        return samples.samples();
    }

    /** The names of the metrics it looks for. */
    public List<String> names() {
        return List.copyOf(patterns.keySet());
    }
}
