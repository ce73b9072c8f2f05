package io.mlexp.experiments;

import static io.mlexp.check.Rule.Family.RECORDS;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;
import java.util.Map;

/** Claims against measurements: {@code mlexp record check}, and the publish stage of a tag. */
public final class ClaimRuleCatalog implements RuleCatalog {
    private static final String RECORD = "experiments/EXP-001.md";
    private static final String TAG = "refs/tags/v1.0";
    /** The history holds one measurement of EXP-001: accuracy 0.7512 at v1.0. */
    private static final Map<String, String> MEASURED = Map.of(
            "configs/base.yaml", "seed: 42\nlr: 0.001\nbatch_size: 64\n",
            ".mlexp/history/history.jsonl", "{\"schema\": 1, \"tag\": \"v1.0\", \"commit\": \"" + "a".repeat(40) + "\", \"date\":"
                    + " \"2026-03-01T12:00:00Z\", \"context\": \"tag\", \"metrics\": {\"val_accuracy\": 0.7512, \"loss\": 0.61},"
                    + " \"record\": \"EXP-001\"}\n");

    private static String record(String accuracy) {
        return "---\nconfig: configs/base.yaml\n---\n# EXP-001: Baseline\n\n## Results\n| Metric | Value |\n|:---|:---|\n"
                + "| accuracy | " + accuracy + " |\n";
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("claim-metric-mismatch", RECORDS, "A claimed result is what the history measured.")
                        .reads("record.claims")
                        .explain("A record's Results table is checked against the newest full run of the record in the history"
                                + " (`mlexp record check`), and on a tag against the tag's full run, with the tag's annotated"
                                + " message. Full runs are what `mlexp history append` records; a smoke run of a few steps"
                                + " confirms no claim. `78.2%` and `0.782` are the same claim; the tolerance is"
                                + " `record.claims.absolute` or `.relative`.")
                        .withFiles(MEASURED).passes(RECORD, record("75.12%")).fails(RECORD, record("78.20%")),
                Rule.warning("claim-metric-unmeasured", RECORDS, "A claimed metric is one the run measured.")
                        .explain("A claim under a name the training never logged cannot be checked; name it as the logs do.")
                        .withFiles(MEASURED).passes(RECORD, record("0.75")).fails(RECORD, record("0.75").replace("| accuracy", "| f1")),
                Rule.error("claim-param-mismatch", RECORDS, "A hyperparameter a tag's message states is the config's.")
                        .explain("`git tag -a v1.0 -m \"lr=0.001, batch 64\"`: each name that is a key of the config the tag's"
                                + " record names (`lr`, `batch` for `batch_size`) is compared with its value at the tag.")
                        .withFiles(MEASURED).passes(TAG, "Baseline accuracy: 75.1%, lr=0.001, batch 64")
                        .fails(TAG, "Baseline accuracy: 75.1%, lr=0.01, batch 64"));
    }
}
