package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.config.RecordConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records nested far deeper than anyone writes: every reader of a record (the rules, the renderer) reads them in a
 * blink and never overflows the stack, because commonmark-java stops nesting blocks and inlines at 100 levels and
 * parses the rest as text.
 */
class DeepRecordTest {
    static Map<String, String> bombs() {
        return Map.of(
                "quotes", "# EXP-001: Deep\n\n" + "> ".repeat(100_000) + "x\n",
                "lists", "# EXP-001: Deep\n\n" + "- ".repeat(100_000) + "x\n",
                "lists in quotes", "# EXP-001: Deep\n\n" + "> 1. ".repeat(50_000) + "x\n",
                "emphasis", "# EXP-001: Deep\n\n" + "*".repeat(100_000) + "a" + "*".repeat(100_000) + "\n",
                "images", "# EXP-001: Deep\n\n" + "![".repeat(50_000) + "x" + "](u)".repeat(50_000) + "\n",
                "links in emphasis", "# EXP-001: Deep\n\n" + "_[".repeat(50_000) + "x" + "](u)_".repeat(50_000) + "\n");
    }

    static java.util.stream.Stream<String> names() {
        return bombs().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("names")
    void aRecordNestedThisDeepIsReadAndRenderedAsText(String name) {
        var markdown = bombs().get(name);

        var record = new RecordParser().parse(markdown, "experiments/EXP-001.md");
        new RecordRules(RecordConfig.defaults()).check(record, RepoReader.workingTree(Path.of(".")));
        var html = new RecordRenderer().render(markdown, "experiments/EXP-001.md");

        assertThat(record.id(RecordConfig.defaults().idPattern().pattern())).map(id -> id.text()).contains("EXP-001");
        assertThat(html).contains("EXP-001").hasSizeGreaterThan(1000);
    }
}
