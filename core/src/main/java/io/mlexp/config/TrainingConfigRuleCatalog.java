package io.mlexp.config;

import static io.mlexp.check.Rule.Family.FILES;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;

/** The rules of the team's YAML training configs ({@code configs.required}). */
public final class TrainingConfigRuleCatalog implements RuleCatalog {
    private static final String COMPLETE = "seed: 42\nlr: 0.001\nbatch_size: 64\n";

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("config-file-missing-key", FILES, "A training config holds every key of `configs.required-keys`.")
                        .reads("configs.required", "configs.required-keys")
                        .explain("Keys may come from what the config inherits (Hydra `defaults`, OmegaConf `_base_`, a `base` file);"
                                + " they are merged before the check.")
                        .passes("configs/resnet.yaml", COMPLETE).fails("configs/resnet.yaml", "seed: 42\nlr: 0.001\n"),
                Rule.error("config-file-not-mapping", FILES, "A training config is a mapping of keys to values.")
                        .reads("configs.required")
                        .passes("configs/resnet.yaml", COMPLETE).fails("configs/resnet.yaml", "- seed\n- lr\n"),
                Rule.error("config-file-none", FILES, "Each `configs.required` pattern matches at least one file.")
                        .reads("configs.required")
                        .explain("A pattern that matches nothing usually means the configs moved and nothing checks them any more.")
                        .given("configs:\n  required: ['configs/*.yaml']\n")
                        .passes("configs/resnet.yaml", COMPLETE).fails("train/resnet.yaml", COMPLETE));
    }
}
