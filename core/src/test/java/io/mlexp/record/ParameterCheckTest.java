package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterCheckTest {
    private static final YamlMapping CONFIG = (YamlMapping) new YamlReader().parse("""
            lr: 3e-4
            batch_size: 64
            amp: true
            name: "resnet 18"
            steps: 1_000
            milestones: [30, 60]
            optimizer:
              type: AdamW
              weight_decay: 0.01
            """, "configs/x.yaml").root().orElseThrow();

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "lr; 0.0003; true",
        "lr; 3E-4; true",
        "lr; `3e-4`; true",
        "lr; 0.003; false",
        "Batch Size; 64; true",
        "batch-size; 64.0; true",
        "batch_size; 128; false",
        "amp; yes; true",
        "AMP; 是; true",
        "amp; off; false",
        "name; Resnet 18; true",
        "name; resnet18; false",
        "steps; 1000; true",
        "steps; '1,000'; true",
        "milestones; [30, 60]; true",
        "milestones; 30, 60; true",
        "milestones; [30, 90]; false",
        "optimizer; adamw; true",
        "optimizer.weight_decay; 1e-2; true",
        "Optimizer.Weight Decay; 0.02; false",
        "weight_decay; 0.01; true",
        "Weight Decay; 0.1; false"})
    void shouldCompareByMeaning(String key, String cell, boolean same) {
        var node = ParameterCheck.find(CONFIG, key);

        assertThat(node).as(key).isPresent();
        assertThat(ParameterCheck.same(cell, node.get())).isEqualTo(same);
    }

    @org.junit.jupiter.api.Test
    void shouldFindANestedKeyByItsOwnNameOnlyWhenOneLeafHasIt() {
        var nested = (YamlMapping) new YamlReader().parse("data:\n  batch_size: 128\nmodel:\n  dropout: 0.1\nhead:\n  dropout: 0.2\n",
                "conf/config.yaml").root().orElseThrow();

        assertThat(ParameterCheck.find(nested, "batch_size")).hasValueSatisfying(node -> assertThat(node.location().line()).isEqualTo(2));
        assertThat(ParameterCheck.find(nested, "dropout")).as("two leaves have it: which one is unknown").isEmpty();
    }
}
