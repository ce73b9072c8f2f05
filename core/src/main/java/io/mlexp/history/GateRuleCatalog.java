package io.mlexp.history;

import static io.mlexp.check.Rule.Family.GATES;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;

/** The quality gates of {@code publish.gates}, judged on a tag's run against the tag before it. */
public final class GateRuleCatalog implements RuleCatalog {
    private static final String HISTORY = ".mlexp/history/history.jsonl";
    private static final String ENTRY = "{\"schema\": 1, \"tag\": \"%s\", \"commit\": \"%s\", \"date\": \"2026-03-0%sT12:00:00Z\","
            + " \"context\": \"tag\", \"metrics\": {%s}}\n";

    private static String history(String base, String current) {
        return ENTRY.formatted("v1.0", "a".repeat(40), "1", base) + ENTRY.formatted("v1.1", "b".repeat(40), "2", current);
    }

    @Override
    public List<Rule> rules() {
        var gate = "publish:\n  gates:\n    eval_accuracy: {min: 0.8, max: 0.99, max-drop: 0.02}\n";
        return List.of(
                Rule.error("gate-min", GATES, "A gated metric is at least its `min`.")
                        .reads("publish.gates").given(gate)
                        .passes(HISTORY, history("\"eval_accuracy\": 0.90", "\"eval_accuracy\": 0.91"))
                        .fails(HISTORY, history("\"eval_accuracy\": 0.70", "\"eval_accuracy\": 0.75")),
                Rule.error("gate-max", GATES, "A gated metric is at most its `max`.")
                        .reads("publish.gates").given(gate)
                        .explain("For metrics where lower is better (loss, latency), or to catch a leak that makes accuracy too good.")
                        .passes(HISTORY, history("\"eval_accuracy\": 0.90", "\"eval_accuracy\": 0.91"))
                        .fails(HISTORY, history("\"eval_accuracy\": 0.98", "\"eval_accuracy\": 0.995")),
                Rule.error("gate-max-drop", GATES, "A gated metric drops no more than `max-drop` from the tag before.")
                        .reads("publish.gates")
                        .explain("An amount (`0.02`) or a fraction of the previous value (`2%`).").given(gate)
                        .passes(HISTORY, history("\"eval_accuracy\": 0.90", "\"eval_accuracy\": 0.89"))
                        .fails(HISTORY, history("\"eval_accuracy\": 0.93", "\"eval_accuracy\": 0.85")),
                Rule.error("gate-metric-missing", GATES, "Every gated metric was logged.")
                        .reads("publish.gates").given(gate)
                        .passes(HISTORY, history("\"eval_accuracy\": 0.90", "\"eval_accuracy\": 0.91"))
                        .fails(HISTORY, history("\"eval_accuracy\": 0.90", "\"accuracy\": 0.91")));
    }
}
