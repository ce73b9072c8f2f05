package io.mlexp.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The metrics of one entry against another (the previous tag, or the base branch's latest). */
public record Comparison(HistoryEntry current, Optional<HistoryEntry> base, List<Delta> deltas) {
    /** One metric: both values, the change, and whether it is better, worse or the same. */
    public record Delta(String metric, OptionalDouble current, OptionalDouble base, MetricDirection direction) {
        public OptionalDouble change() {
            return current.isPresent() && base.isPresent() ? OptionalDouble.of(current.getAsDouble() - base.getAsDouble())
                    : OptionalDouble.empty();
        }

        /** The change as a fraction of the base value; empty when the base is 0 or missing. */
        public OptionalDouble relativeChange() {
            return change().isPresent() && base.getAsDouble() != 0
                    ? OptionalDouble.of(change().getAsDouble() / Math.abs(base.getAsDouble())) : OptionalDouble.empty();
        }

        /** {@code better}, {@code worse}, {@code same}, or {@code new}/{@code gone} when one side lacks it. */
        public String verdict() {
            if (base.isEmpty()) {
                return "new";
            }
            if (current.isEmpty()) {
                return "gone";
            }
            double worse = direction.worsening(base.getAsDouble(), current.getAsDouble());
            return worse > 0 ? "worse" : worse < 0 ? "better" : "same";
        }
    }

    public Comparison {
        deltas = List.copyOf(deltas);
    }

    /** Every metric of either entry, the current entry's order first. */
    public static Comparison of(HistoryEntry current, Optional<HistoryEntry> base) {
        var names = new LinkedHashSet<>(current.metrics().keySet());
        base.ifPresent(entry -> names.addAll(entry.metrics().keySet()));
        var deltas = new ArrayList<Delta>();
        for (var name : names) {
            deltas.add(new Delta(name, value(current, name), base.map(entry -> value(entry, name)).orElse(OptionalDouble.empty()),
                    MetricDirection.of(name)));
        }
        return new Comparison(current, base, deltas);
    }

    private static OptionalDouble value(HistoryEntry entry, String name) {
        var value = entry.metrics().get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
