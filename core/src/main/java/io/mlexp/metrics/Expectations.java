package io.mlexp.metrics;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.SmokeConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code smoke.expect}: every value finite, the loss falling by at least a fraction from its first to
 * its last logged step, and the last value of named metrics within bounds. Each violation names the
 * metric and the step.
 */
public final class Expectations {
    private Expectations() {
    }

    /**
     * Checks {@code smoke.expect}; a finding about a logged value points at the line that logged it, one about a metric
     * never logged at the setting that asked for it; {@code source} names the log read, for a run that logged nothing.
     */
    public static List<Finding> check(SmokeConfig smoke, List<Sample> samples, String source) {
        var expect = smoke.expect();
        if (samples.isEmpty()) {
            return List.of(Finding.error("smoke-no-metrics", SourceLocation.of(source),
                    "the run logged no metrics").withHint("write one JSON object a step to the file $MLEXP_METRICS names"));
        }
        var findings = new ArrayList<Finding>();
        if (expect.finite()) {
            var reported = new HashSet<String>();
            for (var sample : samples) {
                sample.values().forEach((name, value) -> {
                    if (!Double.isFinite(value) && reported.add(name)) {
                        findings.add(Finding.error("smoke-not-finite", sample.location(),
                                name + " is " + describe(value) + " at step " + sample.step())
                                .withHint("the training diverged: check the learning rate, the data and the loss"));
                    }
                });
            }
        }
        expect.lossDecrease().ifPresent(fraction -> lossDecrease(expect.lossMetric(), fraction, samples, smoke, findings));
        expect.bounds().forEach((name, bounds) -> {
            var last = last(name, samples);
            if (last == null) {
                findings.add(Finding.error("smoke-metric-missing", smoke.where("expect.bounds." + name),
                        "'" + name + "' was never logged, so its bounds cannot be checked"));
                return;
            }
            double value = java.util.Objects.requireNonNull(last.values().get(name), name);
            bounds.min().ifPresent(min -> {
                if (value < min) {
                    findings.add(Finding.error("smoke-bounds", last.location(),
                            name + " is " + format(value) + " at step " + last.step() + ", below the minimum " + format(min)));
                }
            });
            bounds.max().ifPresent(max -> {
                if (value > max) {
                    findings.add(Finding.error("smoke-bounds", last.location(),
                            name + " is " + format(value) + " at step " + last.step() + ", above the maximum " + format(max)));
                }
            });
        });
        return findings;
    }

    private static void lossDecrease(String metric, double fraction, List<Sample> samples, SmokeConfig smoke, List<Finding> findings) {
        var series = samples.stream().filter(sample -> sample.values().containsKey(metric)).toList();
        if (series.size() < 2) {
            findings.add(Finding.error("smoke-loss-decrease", smoke.where("expect.loss-metric"),
                    "'" + metric + "' was logged " + (series.isEmpty() ? "never" : "once") + "; a falling loss needs two steps or more")
                    .withHint("log " + metric + " at every step, or set smoke.expect.loss-metric to the name your code uses"));
            return;
        }
        var first = series.get(0);
        var last = series.get(series.size() - 1);
        double from = java.util.Objects.requireNonNull(first.values().get(metric), metric);
        double to = java.util.Objects.requireNonNull(last.values().get(metric), metric);
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            return; // reported as not finite
        }
        double fell = from == 0 ? 0 : (from - to) / Math.abs(from);
        if (fell < fraction) {
            findings.add(Finding.error("smoke-loss-decrease", last.location(),
                    "%s fell %s from step %d (%s) to step %d (%s); expected at least %s".formatted(metric, percent(fell),
                            first.step(), format(from), last.step(), format(to), percent(fraction)))
                    .withHint("the code no longer learns, or the smoke run is too short to show it"));
        }
    }

    private static @Nullable Sample last(String name, List<Sample> samples) {
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (samples.get(i).values().containsKey(name)) {
                return samples.get(i);
            }
        }
        return null;
    }

    private static String describe(double value) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
    }

    static String format(double value) {
        return (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6) || value == 0
                ? String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.3e", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
