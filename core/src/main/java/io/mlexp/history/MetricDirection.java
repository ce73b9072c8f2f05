package io.mlexp.history;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a metric is better higher (accuracy, F1, throughput) or lower (loss, error, latency), from
 * its name: what the reports colour by and what a gate's {@code max-drop} guards against.
 */
public enum MetricDirection {
    HIGHER_IS_BETTER, LOWER_IS_BETTER;

    private static final Pattern LOWER = Pattern.compile(
            ".*(loss|error|err|perplexity|ppl|latency|seconds|time|_ms|mse|mae|rmse|wer|cer|nll|fid|memory).*");

    public static MetricDirection of(String metric) {
        return LOWER.matcher(metric.toLowerCase(Locale.ROOT)).matches() ? LOWER_IS_BETTER : HIGHER_IS_BETTER;
    }

    /** How much worse {@code current} is than {@code previous}: positive when it got worse. */
    public double worsening(double previous, double current) {
        return this == HIGHER_IS_BETTER ? previous - current : current - previous;
    }
}
