package io.mlexp.experiments;

import io.mlexp.config.ConfigValues;
import io.mlexp.check.Finding;
import io.mlexp.config.RecordConfig;
import io.mlexp.history.HistoryEntry;
import io.mlexp.record.RecordRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Claims against measurements: a claimed metric against the value the history measured for the tag or the record, a
 * claimed hyperparameter against the config. A mismatch quotes both sides, each with where it is.
 */
public final class ClaimCheck {
    private final RecordConfig.Tolerance tolerance;

    public ClaimCheck(RecordConfig.Tolerance tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * A record's Results table against the entry that measured it: each claimed metric must hold; one the run did not
     * measure is a warning.
     */
    public List<Finding> results(List<Claim> claims, HistoryEntry measured) {
        var findings = new ArrayList<Finding>();
        for (var claim : claims) {
            var metric = metric(claim.name(), measured.metrics().keySet());
            if (metric.isEmpty()) {
                findings.add(Finding.warning("claim-metric-unmeasured", claim.location(), "'" + claim.name() + "' is claimed, but "
                        + measured.label() + " measured no such metric (it measured " + String.join(", ", measured.metrics().keySet()) + ")")
                        .withHint("name the metric as the training logs it, so the claim can be checked"));
            } else {
                compareMetric(claim, metric.get(), measured).ifPresent(findings::add);
            }
        }
        return findings;
    }

    /**
     * An annotated tag's message: each {@code name value} that names a key of the config is checked against it, each
     * that names a measured metric against the tag's measurement; other words and numbers are prose.
     */
    public List<Finding> tagMessage(List<Claim> claims, Optional<HistoryEntry> measured, ConfigValues config, String configPath) {
        var findings = new ArrayList<Finding>();
        for (var claim : claims) {
            var key = config.find(claim.name());
            if (key.isPresent()) {
                var actual = key.get().getValue();
                if (!RecordRules.sameValue(claim.text(), actual)) {
                    findings.add(Finding.error("claim-param-mismatch", claim.location(), "claims " + claim.name() + " " + claim.text()
                            + ", but " + configPath + " sets " + key.get().getKey() + " to " + actual.text() + " at " + actual.location())
                            .withHint("the tag's message must describe the config it tags: correct the message (git tag -f -a) or the config"));
                }
                continue;
            }
            measured.ifPresent(entry -> metric(claim.name(), entry.metrics().keySet())
                    .flatMap(metric -> compareMetric(claim, metric, entry)).ifPresent(findings::add));
        }
        return findings;
    }

    private Optional<Finding> compareMetric(Claim claim, String metric, HistoryEntry measured) {
        double value = measured.metrics().getOrDefault(metric, Double.NaN);
        if (Double.isNaN(value) || claim.holds(value, tolerance)) {
            return Optional.empty();
        }
        return Optional.of(Finding.error("claim-metric-mismatch", claim.location(), "claims " + claim.name() + " " + claim.text()
                + ", but " + measured.label() + " (commit " + shortId(measured.commit()) + ") measured " + metric + " " + format(value))
                .withHint("write what was measured, or set record.claims (absolute " + tolerance.absolute() + ", relative "
                        + tolerance.relative() + ") if the difference is noise"));
    }

    /** The measured metric a claimed name means: the same name, else the one metric whose name holds it. */
    static Optional<String> metric(String claimed, Collection<String> measured) {
        var wanted = Claim.normalise(claimed);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        var exact = measured.stream().filter(name -> Claim.normalise(name).equals(wanted)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        var containing = measured.stream().filter(name -> Claim.normalise(name).contains(wanted)).toList();
        return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
    }

    static String format(double value) {
        return Math.abs(value) <= 1 && value != 0 ? String.format(Locale.ROOT, "%.4f (%.2f%%)", value, value * 100)
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String shortId(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
