package io.mlexp.record;

import static io.mlexp.check.Rule.Family.PULL_REQUESTS;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;
import java.util.Map;

/** What a pull request that touches training code, and the commits a tag ships, owe the experiment records. */
public final class PullRequestRuleCatalog implements RuleCatalog {
    private static final String TRAINING_CODE = "train.py";
    private static final Map<String, String> RECORD = Map.of("experiments/EXP-001.md", RecordRuleCatalog.record("",
            "# EXP-001: Baseline", "| seed | 42 |\n", "| accuracy | 0.91 |\n", "It holds."));

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("record-required", PULL_REQUESTS, "A pull request that changes training code or configs adds or changes a record.")
                        .reads("record.trigger-paths", "record.dir", "record.notebooks")
                        .explain("Training code and configs are the files `record.trigger-paths` matches (by default every"
                                + " Python file and `configs/**`). A change that needs no record says why in a commit trailer,"
                                + " `Experiment-Record: none <reason>`.")
                        .passes(TRAINING_CODE, "refactor: split the data loader\n\nExperiment-Record: none the numbers do not change\n")
                        .fails(TRAINING_CODE, "feat: raise the learning rate\n"),
                Rule.error("record-opt-out-reason", PULL_REQUESTS, "An `Experiment-Record: none` trailer gives its reason.")
                        .passes(TRAINING_CODE, "refactor: split the data loader\n\nExperiment-Record: none the numbers do not change\n")
                        .fails(TRAINING_CODE, "refactor: split the data loader\n\nExperiment-Record: none\n"),
                Rule.error("record-named-missing", PULL_REQUESTS, "Every experiment ID a commit names has its record.")
                        .reads("record.id-pattern", "record.dir")
                        .explain("A tag's commits, and a range checked with `mlexp record check --range`, name experiments by"
                                + " ID; each one needs a record under `record.dir` (or a notebook) at the tag.")
                        .withFiles(RECORD)
                        .passes(TRAINING_CODE, "feat: wider hidden layer [exp] EXP-001\n")
                        .fails(TRAINING_CODE, "feat: wider hidden layer [exp] EXP-007\n"));
    }
}
