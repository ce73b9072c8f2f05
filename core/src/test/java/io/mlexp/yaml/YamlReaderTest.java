package io.mlexp.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlReaderTest {
    private final YamlReader reader = new YamlReader();

    @Test
    void shouldKeepTheLocationOfEveryKeyAndValue() {
        var document = reader.parse("model:\n  lr: 3e-4\n  layers: [128, 64]\n", "c.yaml");

        var root = (YamlMapping) document.root().orElseThrow();
        var model = (YamlMapping) root.get("model").orElseThrow();
        assertThat(model.entries().get("lr").keyLocation()).hasToString("c.yaml:2:3");
        assertThat(model.get("lr").orElseThrow()).isEqualTo(
                new YamlScalar("3e-4", YamlScalar.Kind.FLOAT, new io.mlexp.check.SourceLocation("c.yaml", 2, 7)));
        assertThat(root.find("model.layers")).get().isInstanceOf(YamlSequence.class);
    }

    @Test
    void shouldTellQuotedTextFromNumbers() {
        var root = (YamlMapping) reader.parse("a: \"5\"\nb: 5\nc: true\nd: ~\n", "x").root().orElseThrow();

        assertThat(root.get("a")).get().extracting(node -> ((YamlScalar) node).kind()).isEqualTo(YamlScalar.Kind.STRING);
        assertThat(root.get("b")).get().extracting(node -> ((YamlScalar) node).kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        assertThat(root.get("c")).get().extracting(node -> ((YamlScalar) node).kind()).isEqualTo(YamlScalar.Kind.BOOLEAN);
        assertThat(root.get("d")).get().extracting(node -> ((YamlScalar) node).kind()).isEqualTo(YamlScalar.Kind.NULL);
    }

    @Test
    void shouldExpandAliasesToTheAnchoredValue() {
        var root = (YamlMapping) reader.parse("base: &b {lr: 1}\ncopy: *b\n", "x").root().orElseThrow();

        assertThat(root.get("copy")).isEqualTo(root.get("base"));
    }

    @Test
    void shouldRefuseABillionLaughsBombQuickly() {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
        }

        var finding = problem(bomb.toString());

        assertThat(finding.ruleId()).isEqualTo("yaml-too-many-nodes");
        assertThat(finding.location().line()).isBetween(5, 9);
    }

    @Test
    void shouldRefuseDeepNesting() {
        var deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        assertThat(problem(deep).message()).contains("nesting deeper than 64 levels");
    }

    @Test
    void shouldRefuseDuplicateKeysNamingBothLines() {
        var finding = problem("seed: 1\nlr: 0.1\nseed: 2\n");

        assertThat(finding.format()).isEqualTo("x.yaml:3:1: error: duplicate key 'seed' (first defined at line 1) [yaml-duplicate-key]");
    }

    @Test
    void shouldReportSyntaxErrorsWithLineAndColumn() {
        var finding = problem("a: [1, 2\nb: 3\n");

        assertThat(finding.ruleId()).isEqualTo("yaml-syntax");
        assertThat(finding.location().line()).isPositive();
        assertThat(finding.location().column()).isPositive();
        assertThat(finding.message()).startsWith("invalid YAML: ");
    }

    @Test
    void shouldRefuseASecondDocument() {
        assertThat(problem("a: 1\n---\nb: 2\n").location().line()).isEqualTo(3);
    }

    @Test
    void shouldLocateInvalidUtf8(@TempDir Path dir) throws Exception {
        var file = dir.resolve("bad.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xff, '\n'});

        var finding = assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> reader.read(file, "bad.yaml")).actual().findings().get(0);

        assertThat(finding.format()).startsWith("bad.yaml:2:4: error: not valid UTF-8");
    }

    @Test
    void shouldDropAByteOrderMarkAndReadCrlf(@TempDir Path dir) throws Exception {
        var file = dir.resolve("bom.yaml");
        Files.write(file, "\uFEFFa: 1\r\nb: 2\r\n".getBytes(StandardCharsets.UTF_8));

        var root = (YamlMapping) reader.read(file, "bom.yaml").root().orElseThrow();

        assertThat(root.keys()).containsExactly("a", "b");
        assertThat(root.entries().get("b").keyLocation().line()).isEqualTo(2);
    }

    @Test
    void shouldRefuseFilesOverTheSizeLimitWithoutReadingThem(@TempDir Path dir) throws Exception {
        var file = dir.resolve("big.yaml");
        Files.write(file, new byte[2 * 1024 * 1024]);

        var finding = assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> reader.read(file, "big.yaml")).actual().findings().get(0);

        assertThat(finding.ruleId()).isEqualTo("file-too-large");
    }

    @Test
    void shouldRefuseADirectoryAndAMissingFile(@TempDir Path dir) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> reader.read(dir, "d"))
                .withMessageContaining("is a directory");
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> reader.read(dir.resolve("nope"), "nope"))
                .withMessageContaining("file not found");
    }

    private Finding problem(String yaml) {
        return assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> reader.parse(yaml, "x.yaml")).actual().findings().get(0);
    }
}
