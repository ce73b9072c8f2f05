package io.mlexp.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Training configs as detectron2, mmengine and Hydra projects write them: the required keys are looked for with what
 * each config inherits merged in, bases that others inherit only have to parse, and a broken chain says where.
 */
class ConfigInheritanceTest {
    private static List<Finding> check(List<String> required, List<String> keys, Map<String, String> files) {
        var rules = new TrainingConfigRules(new ConfigsConfig(required.stream().map(Glob::compile).toList(), keys));
        var sources = ConfigSources.of(files, path -> Optional.ofNullable(files.get(path)));
        return files.keySet().stream().filter(rules::covers)
                .flatMap(path -> rules.check(path, files.get(path).getBytes(StandardCharsets.UTF_8), sources).stream()).toList();
    }

    private static Map<String, String> tree(String... pathsAndTexts) {
        var files = new LinkedHashMap<String, String>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return files;
    }

    @Test
    void detectron2BaseChainsSupplyTheKeysTheChildrenLack() {
        var files = tree(
                "configs/Base-RCNN-FPN.yaml", "MODEL:\n  META_ARCHITECTURE: GeneralizedRCNN\nSOLVER:\n  BASE_LR: 0.02\n  IMS_PER_BATCH: 16\n",
                "configs/COCO-Detection/faster_rcnn_R_50_FPN_1x.yaml", "_BASE_: \"../Base-RCNN-FPN.yaml\"\nMODEL:\n  WEIGHTS: r50.pkl\n",
                "configs/COCO-Detection/faster_rcnn_R_50_FPN_3x.yaml", "_BASE_: faster_rcnn_R_50_FPN_1x.yaml\nSOLVER:\n  MAX_ITER: 270000\n",
                "configs/misc/eval.yaml", "_BASE_: \"../Base-RCNN-FPN.yaml\"\nSEED: !!python/object/apply:eval ['42']\n");

        assertThat(check(List.of("configs/**/*.yaml"), List.of("SOLVER.BASE_LR", "SOLVER.IMS_PER_BATCH", "MODEL.META_ARCHITECTURE"),
                files)).isEmpty();
    }

    @Test
    void mmengineBaseListsMergeInOrderAndDeleteReplaces() {
        var files = tree(
                "configs/_base_/models/resnet.yaml", "model:\n  type: ResNet\n  depth: 50\n",
                "configs/_base_/schedules/sgd.yml", "optim_wrapper:\n  optimizer:\n    type: SGD\n    lr: 0.1\ntrain_cfg:\n  max_epochs: 100\n",
                "configs/resnet50_sgd.yaml", "_base_: ['_base_/models/resnet.yaml', '_base_/schedules/sgd.yml']\nseed: 1\n",
                "configs/resnet50_adam.yaml", "_base_: resnet50_sgd.yaml\noptim_wrapper:\n  optimizer:\n    _delete_: true\n    type: Adam\n");

        assertThat(check(List.of("configs/**/*.yaml", "configs/**/*.yml"), List.of("model.depth", "optim_wrapper.optimizer.lr", "seed"),
                files)).extracting(Finding::format).containsExactly(
                        "configs/resnet50_adam.yaml:1:1: error: required key 'optim_wrapper.optimizer.lr' is missing (with what it"
                                + " inherits merged in) [config-file-missing-key] (configs.required-keys in .mlexp.yml lists it;"
                                + " every config must set it, here or in a config it inherits)");
    }

    @Test
    void hydraDefaultsPlaceEachGroupUnderItsKey() {
        var files = tree(
                "conf/config.yaml", "defaults:\n  - model: resnet\n  - optimizer: adam\n  - _self_\nseed: 42\n",
                "conf/model/resnet.yaml", "depth: 50\n",
                "conf/optimizer/adam.yaml", "lr: 0.001\n",
                "conf/experiment/big.yaml", "# @package _global_\ndefaults:\n  - override /model: wide\nseed: 7\n",
                "conf/model/wide.yaml", "depth: 101\nwidth: 2\n");
        var rules = new TrainingConfigRules(new ConfigsConfig(List.of(Glob.compile("conf/config.yaml")),
                List.of("seed", "model.depth", "optimizer.lr")));
        var sources = ConfigSources.of(files, path -> Optional.ofNullable(files.get(path)));

        assertThat(rules.check("conf/config.yaml", files.get("conf/config.yaml").getBytes(StandardCharsets.UTF_8), sources)).isEmpty();
        assertThat(rules.check("conf/config.yaml", "defaults:\n  - model: resnet\nseed: 1\n".getBytes(StandardCharsets.UTF_8), sources))
                .extracting(Finding::message).containsExactly("required key 'optimizer.lr' is missing (with what it inherits merged in)");
    }

    @Test
    void aMissingBaseOrACycleIsAnErrorThatShowsTheChain() {
        var missing = tree("configs/a.yaml", "_BASE_: b.yaml\nlr: 1\n", "configs/b.yaml", "_BASE_: gone.yaml\n");
        var cycle = tree("configs/a.yaml", "_base_: b.yaml\nlr: 1\n", "configs/b.yaml", "_base_: a.yaml\n");

        assertThat(check(List.of("configs/a.yaml"), List.of("lr"), missing)).extracting(Finding::format).containsExactly(
                "configs/b.yaml:1:9: error: the base 'configs/gone.yaml' does not exist: configs/a.yaml → configs/b.yaml →"
                        + " configs/gone.yaml (missing) [config-base-missing] (base paths are relative to the file that names them)");
        assertThat(check(List.of("configs/a.yaml"), List.of("lr"), cycle)).extracting(Finding::ruleId).containsExactly("config-base-cycle");
    }

    @Test
    void aMissingKeyPointsAtTheConfigAndSuggestsTheNameItGoesBy() {
        var files = tree("configs/train.yaml", "optimizer_config:\n  lr: 0.1\nbatch: 64\n");

        assertThat(check(List.of("configs/*.yaml"), List.of("learning_rate", "batch_size"), files)).extracting(Finding::hint)
                .containsExactly("did you mean `optimizer_config.lr`? configs.required-keys in .mlexp.yml lists it; every config must set it",
                        "did you mean `batch`? configs.required-keys in .mlexp.yml lists it; every config must set it");
    }
}
