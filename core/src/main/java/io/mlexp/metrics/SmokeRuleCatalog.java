package io.mlexp.metrics;

import static io.mlexp.check.Rule.Family.SMOKE;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;

/** The verdicts {@code smoke.expect} asks of a smoke run's metrics. */
public final class SmokeRuleCatalog implements RuleCatalog {
    private static final String METRICS = ".mlexp/smoke/metrics.jsonl";
    private static final String LEARNING = "{\"step\": 1, \"loss\": 2.30, \"accuracy\": 0.12}\n{\"step\": 50, \"loss\": 1.10, \"accuracy\": 0.61}\n";

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("smoke-no-metrics", SMOKE, "A smoke run logs metrics where mlexp finds them.")
                        .reads("smoke.metrics", "smoke.stdout-metrics")
                        .explain("JSON lines to `$MLEXP_METRICS`, files the script writes (`smoke.metrics`: Lightning's CSV,"
                                + " TensorBoard event files), or lines it prints (`smoke.stdout-metrics`). The finding lists where"
                                + " mlexp looked, and the one-line change for each way.")
                        .passes(METRICS, LEARNING).fails(METRICS, ""),
                Rule.error("smoke-not-finite", SMOKE, "Every logged value is finite.")
                        .reads("smoke.expect.finite")
                        .passes(METRICS, LEARNING).fails(METRICS, LEARNING.replace("1.10", "NaN")),
                Rule.error("smoke-loss-decrease", SMOKE, "The loss falls by `smoke.expect.loss-decrease` from first to last step.")
                        .reads("smoke.expect.loss-decrease", "smoke.expect.loss-metric")
                        .given("smoke:\n  expect:\n    loss-decrease: 0.3\n")
                        .passes(METRICS, LEARNING).fails(METRICS, LEARNING.replace("1.10", "2.20")),
                Rule.error("smoke-bounds", SMOKE, "A metric's last value lies within its `smoke.expect.bounds`.")
                        .reads("smoke.expect.bounds")
                        .given("smoke:\n  expect:\n    bounds:\n      accuracy: {min: 0.5}\n")
                        .passes(METRICS, LEARNING).fails(METRICS, LEARNING.replace("0.61", "0.31")),
                Rule.error("smoke-metric-missing", SMOKE, "Every metric `smoke.expect.bounds` names was logged.")
                        .reads("smoke.expect.bounds")
                        .given("smoke:\n  expect:\n    bounds:\n      accuracy: {min: 0.5}\n")
                        .passes(METRICS, LEARNING).fails(METRICS, LEARNING.replace("accuracy", "acc")));
    }
}
