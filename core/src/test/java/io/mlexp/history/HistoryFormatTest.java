package io.mlexp.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import org.junit.jupiter.api.Test;

class HistoryFormatTest {
    private static final SourceLocation LINE = SourceLocation.of("old.jsonl", 7);

    @Test
    void keepsNonFiniteMetricsAsText() {
        var line = "{\"schema\":1,\"tag\":\"v1\",\"commit\":\"abcdef1\",\"date\":\"2026-01-01T00:00:00+01:00\",\"metrics\":{\"loss\":\"NaN\",\"acc\":0.5}}";

        var entry = HistoryFormat.read(line, LINE);

        assertThat(entry.metrics().get("loss")).isNaN();
        assertThat(entry.date()).hasToString("2025-12-31T23:00:00Z");
        assertThat(HistoryFormat.write(entry)).contains("\"loss\":\"NaN\"", "\"acc\":0.5");
    }

    @Test
    void namesTheLineAndTheProblem() {
        for (var bad : new String[][] {
            {"not json", "not valid JSON"},
            {"[1]", "expected one JSON object per line"},
            {"{\"schema\":2,\"commit\":\"abcdef1\",\"date\":\"2026-01-01T00:00:00Z\"}", "schema 2 is not one this mlexp reads (1)"},
            {"{\"schema\":1,\"date\":\"2026-01-01T00:00:00Z\"}", "'commit' is missing"},
            {"{\"schema\":1,\"commit\":\"HEAD\",\"date\":\"2026-01-01T00:00:00Z\"}", "'commit' must be a hexadecimal commit ID, found 'HEAD'"},
            {"{\"schema\":1,\"commit\":\"abcdef1\",\"date\":\"yesterday\"}", "'yesterday' is not an ISO-8601 date"},
            {"{\"schema\":1,\"commit\":\"abcdef1\",\"date\":\"2026-01-01T00:00:00Z\",\"metrics\":{\"acc\":\"high\"}}",
                "metric 'acc' must be a number, found \"high\""},
            {"{\"schema\":1,\"commit\":\"abcdef1\",\"date\":\"2026-01-01T00:00:00Z\",\"tag\":7}", "'tag' must be text"}}) {
            assertThatThrownBy(() -> HistoryFormat.read(bad[0], LINE)).as(bad[0]).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("old.jsonl:7: error: " + bad[1]);
        }
    }
}
