package io.mlexp.history;

import io.mlexp.check.Finding;
import io.mlexp.config.PublishConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code publish.gates}: per metric, the largest allowed worsening against the base (absolute, or
 * relative as {@code 2%}), and bounds on the value. A metric a gate names but the run did not log
 * fails the gate: a gate that cannot be checked is not passed.
 */
public final class QualityGates {
    private QualityGates() {
    }

    public static List<Finding> check(Map<String, PublishConfig.Gate> gates, Comparison comparison) {
        var findings = new ArrayList<Finding>();
        gates.forEach((metric, gate) -> {
            var where = gate.location();
            var delta = comparison.deltas().stream().filter(d -> d.metric().equals(metric)).findFirst();
            if (delta.isEmpty() || delta.get().current().isEmpty()) {
                findings.add(Finding.error("gate-metric-missing", where, "gate on '" + metric + "': the run logged no " + metric)
                        .withHint("log it, or remove its gate from publish.gates"));
                return;
            }
            double value = delta.get().current().getAsDouble();
            gate.min().ifPresent(min -> {
                if (!(value >= min)) {
                    findings.add(Finding.error("gate-min", where, "gate on '%s': %s is below the minimum %s"
                            .formatted(metric, format(value), format(min))));
                }
            });
            gate.max().ifPresent(max -> {
                if (!(value <= max)) {
                    findings.add(Finding.error("gate-max", where, "gate on '%s': %s is above the maximum %s"
                            .formatted(metric, format(value), format(max))));
                }
            });
            if (gate.maxDrop().isPresent() && delta.get().base().isPresent()) {
                var drop = gate.maxDrop().get();
                double base = delta.get().base().getAsDouble();
                double worse = delta.get().direction().worsening(base, value);
                double allowed = drop.relative() ? drop.amount() * Math.abs(base) : drop.amount();
                if (!(worse <= allowed + 1e-12)) {
                    var label = comparison.base().map(HistoryEntry::label).orElse("the base");
                    findings.add(Finding.error("gate-max-drop", where, "gate on '%s': %s against %s in %s, a %s of %s; at most %s allowed"
                            .formatted(metric, format(value), format(base), label,
                                    delta.get().direction() == MetricDirection.HIGHER_IS_BETTER ? "drop" : "rise",
                                    format(Math.abs(worse)), drop.relative()
                                            ? String.format(Locale.ROOT, "%s%% (%s)", format(drop.amount() * 100), format(allowed))
                                            : format(allowed))));
                }
            }
        });
        return findings;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }
}
