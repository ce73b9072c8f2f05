package io.mlexp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.commit.CommitMessage;
import io.mlexp.commit.CommitRules;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.MlexpConfig;
import io.mlexp.history.HistoryFormat;
import io.mlexp.image.ImageReference;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.record.RecordParser;
import io.mlexp.record.RecordRenderer;
import io.mlexp.util.TextFiles;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz targets over every parser of untrusted input. A parser may return, or refuse with
 * {@link InvalidInputException} (exit 2 or a finding); any other exception or error is a finding.
 * The build runs each target in regression mode over its committed inputs
 * ({@code src/test/resources/io/mlexp/fuzz/ParserFuzzTestInputs/<target>/}); {@code bench/fuzz}
 * fuzzes them for a given time. Findings become inputs there.
 */
class ParserFuzzTest {
    /** How long bench/fuzz fuzzes each target (Jazzer's JUnit integration takes it from the annotation only). */
    static final String FUZZ_TIME = "30s";
    private static final MlexpConfig DEFAULTS = new ConfigLoader().parse("version: 1\n", ".mlexp.yml");
    private static final CommitRules COMMIT_RULES = new CommitRules(DEFAULTS.commits(), DEFAULTS.record());

    @FuzzTest(maxDuration = FUZZ_TIME)
    void configLoader(byte[] input) {
        refusalsOnly(() -> new ConfigLoader().parse(text(input), ".mlexp.yml"));
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void recordParserAndRenderer(byte[] input) {
        refusalsOnly(() -> {
            var markdown = text(input);
            new RecordParser().parse(markdown, "experiments/EXP-001.md");
            new RecordRenderer().render(markdown, "experiments/EXP-001.md");
        });
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void metricsReaders(byte[] input) {
        refusalsOnly(() -> MetricsReader.jsonLines(text(input), "metrics.jsonl"));
        refusalsOnly(() -> MetricsReader.csv(text(input), "metrics.csv"));
        refusalsOnly(() -> MetricsReader.json(text(input), "metrics.json"));
        refusalsOnly(() -> HistoryFormat.read(text(input), SourceLocation.of("history.jsonl", 1)));
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void imageReference(byte[] input) {
        var text = new String(input, StandardCharsets.UTF_8);
        try {
            var reference = ImageReference.parse(text);
            ImageReference.parse(reference.toString()); // what it prints it reads back
        } catch (IllegalArgumentException e) {
            // the parser's refusal: the message says what is wrong
        }
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void commitMessage(byte[] input) {
        var text = new String(input, StandardCharsets.UTF_8);
        COMMIT_RULES.check(CommitMessage.parse(text, "#"), "COMMIT_EDITMSG");
        COMMIT_RULES.check(CommitMessage.ofCommit(text), "HEAD");
    }

    /** Decodes strictly, as the readers do; invalid UTF-8 is a refusal too. */
    private static String text(byte[] input) {
        return TextFiles.decodeUtf8(input, "input");
    }

    private static void refusalsOnly(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidInputException refused) {
            if (refused.findings().isEmpty()) {
                throw new AssertionError("a refusal without a finding", refused);
            }
        }
    }
}
