package io.mlexp.record;

import static io.mlexp.check.Rule.Family.RECORDS;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;
import java.util.Map;

/** The rules of experiment records: {@code mlexp record check}, {@code check record} and the record stage. */
public final class RecordRuleCatalog implements RuleCatalog {
    private static final String PATH = "experiments/EXP-001.md";
    private static final Map<String, String> CONFIG = Map.of("configs/base.yaml", "seed: 42\nlr: 0.001\nbatch_size: 64\n");

    /** A complete record in the team's template, with {@code hyperparameters} and {@code results} rows as given. */
    static String record(String frontMatter, String title, String hyperparameters, String results, String conclusion) {
        return frontMatter + title + "\n\n## Goal\nA baseline to compare against.\n\n## Hypothesis\nOne hidden layer reaches 0.9.\n\n"
                + "## Hyperparameters\n| Parameter | Value |\n|:---|:---|\n" + hyperparameters
                + "\n## Results\n| Metric | Value |\n|:---|:---|\n" + results + "\n## Conclusion\n" + conclusion + "\n";
    }

    private static String record(String hyperparameters, String results) {
        return record("---\nconfig: configs/base.yaml\n---\n", "# EXP-001: Baseline", hyperparameters, results, "It holds.");
    }

    private static final String GOOD = record("| seed | 42 |\n| lr | 0.001 |\n", "| accuracy | 0.91 |\n");

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("record-id-missing", RECORDS, "The title names the record's ID.")
                        .reads("record.id-pattern")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("# EXP-001: Baseline", "# Baseline")),
                Rule.error("record-id-file-name", RECORDS, "The ID in the title is the file's name.")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("# EXP-001:", "# EXP-002:")),
                Rule.error("record-section-missing", RECORDS, "Every section of `record.required-sections` is there.")
                        .reads("record.required-sections")
                        .explain("Goal, hypothesis, hyperparameters, results and conclusion by default; headings in English or"
                                + " Chinese (`## 目标`).")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("## Hypothesis\nOne hidden layer reaches 0.9.\n\n", "")),
                Rule.error("record-section-empty", RECORDS, "No required section is empty.")
                        .reads("record.required-sections")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("It holds.", "")),
                Rule.warning("record-config-unnamed", RECORDS, "A record with a hyperparameter table names its config.")
                        .explain("Front matter `config: configs/x.yaml` or a `Config` row lets the table be checked against it.")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("---\nconfig: configs/base.yaml\n---\n", "")),
                Rule.error("record-config-missing", RECORDS, "The config a record names exists.")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("configs/base.yaml", "configs/none.yaml")),
                Rule.error("record-config-not-mapping", RECORDS, "The config a record names is a mapping of keys to values.")
                        .withFiles(Map.of("configs/base.yaml", "seed: 42\nlr: 0.001\n", "configs/list.yaml", "- seed\n"))
                        .passes(PATH, GOOD).fails(PATH, GOOD.replace("configs/base.yaml", "configs/list.yaml")),
                Rule.error("record-config-mismatch", RECORDS, "The hyperparameter table says what the config says.")
                        .explain("Numbers compare by value (`3e-4` is `0.0003`), booleans and words by meaning, dotted names"
                                + " (`model.hidden`) and interpolations (`${optim.lr}`) are followed.")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("| lr | 0.001 |", "| lr | 0.01 |")),
                Rule.warning("record-param-not-in-config", RECORDS, "Every hyperparameter of the table is in the config.")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("| lr | 0.001 |", "| lr | 0.001 |\n| dropout | 0.1 |")),
                Rule.warning("record-results-decimals", RECORDS, "Key numbers in Results have at most two decimals.")
                        .reads("record.warnings")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("0.91", "0.9134")),
                Rule.warning("record-table-alignment", RECORDS, "Table columns are left-aligned (`:---`).")
                        .reads("record.warnings")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("| Metric | Value |\n|:---|:---|", "| Metric | Value |\n|---|---:|")),
                Rule.warning("record-single-h1", RECORDS, "A record has one H1, its title.")
                        .reads("record.warnings")
                        .withFiles(CONFIG).passes(PATH, GOOD).fails(PATH, GOOD.replace("## Conclusion", "# Conclusion\n\n## Conclusion")),
                Rule.error("record-id-duplicate", RECORDS, "No two records claim the same ID.")
                        .explain("Each copy after the first is named, with where the first is.")
                        .withFiles(Map.of("configs/base.yaml", "seed: 42\nlr: 0.001\n",
                                "experiments/EXP-000.md", GOOD.replace("# EXP-001:", "# EXP-000:")))
                        .passes(PATH, GOOD).fails("experiments/EXP-000-copy.md", GOOD.replace("# EXP-001:", "# EXP-000:")));
    }
}
