package io.mlexp.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigLoader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityGatesTest {
    private static HistoryEntry run(String tag, Map<String, Double> metrics) {
        return new HistoryEntry(1, Optional.of(tag), "abcdef1", Instant.EPOCH, "tag", metrics, Optional.empty(), Map.of(),
                Optional.empty());
    }

    private static List<String> check(String gates, Map<String, Double> before, Map<String, Double> now) {
        var config = new ConfigLoader().parse("version: 1\npublish:\n  gates:\n" + gates, ".mlexp.yml");
        var comparison = Comparison.of(run("v2", now), before == null ? Optional.empty() : Optional.of(run("v1", before)));
        return QualityGates.check(config.publish().gates(), comparison).stream().map(Finding::message).toList();
    }

    @Test
    void anAbsoluteDropOnAHigherIsBetterMetric() {
        assertThat(check("    accuracy: { max-drop: 0.01 }\n", Map.of("accuracy", 0.90), Map.of("accuracy", 0.895))).isEmpty();
        assertThat(check("    accuracy: { max-drop: 0.01 }\n", Map.of("accuracy", 0.90), Map.of("accuracy", 0.88)))
                .containsExactly("gate on 'accuracy': 0.88 against 0.9 in v1, a drop of 0.02; at most 0.01 allowed");
    }

    @Test
    void aRelativeDropOnALowerIsBetterMetricIsARise() {
        assertThat(check("    loss: { max-drop: 10% }\n", Map.of("loss", 1.0), Map.of("loss", 0.5))).isEmpty();
        assertThat(check("    loss: { max-drop: 10% }\n", Map.of("loss", 1.0), Map.of("loss", 1.2)))
                .containsExactly("gate on 'loss': 1.2 against 1 in v1, a rise of 0.2; at most 10% (0.1) allowed");
    }

    @Test
    void boundsAndAMissingMetric() {
        assertThat(check("    accuracy: { min: 0.8, max: 0.99 }\n    f1: { min: 0.5 }\n", null, Map.of("accuracy", 0.7)))
                .containsExactly("gate on 'accuracy': 0.7 is below the minimum 0.8", "gate on 'f1': the run logged no f1");
        assertThat(check("    accuracy: { min: 0.8 }\n", null, Map.of("accuracy", Double.NaN)))
                .containsExactly("gate on 'accuracy': NaN is below the minimum 0.8");
    }

    @Test
    void noBaseMeansNoDropToCheck() {
        assertThat(check("    accuracy: { max-drop: 0.01 }\n", null, Map.of("accuracy", 0.1))).isEmpty();
    }
}
