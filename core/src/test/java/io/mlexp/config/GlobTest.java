package io.mlexp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "*.pth, best.pth, true",
        "*.pth, out/ckpt/best.pth, true",
        "*.pth, best.pth.txt, false",
        "data/**, data/train/x.csv, true",
        "data/**, src/data/x.csv, false",
        "/data/**, data/x.csv, true",
        "**/__pycache__/**, src/pkg/__pycache__/m.pyc, true",
        "**/__pycache__/**, __pycache__/m.pyc, true",
        "examples/**/model.pt, examples/digits/model.pt, true",
        "examples/**/model.pt, examples/model.pt, true",
        "examples/**/model.pt, other/digits/model.pt, false",
        "configs/*.yaml, configs/base.yaml, true",
        "configs/*.yaml, configs/old/base.yaml, false",
        "logs, runs/logs/train.log, true",
        "'*.{pt,pth}', w/model.pt, true",
        "'*.{pt,pth}', w/model.pth, true",
        "'*.{pt,pth}', w/model.ptx, false",
        "run-[0-9].log, run-7.log, true",
        "run-[!0-9].log, run-7.log, false",
        "file?.txt, file1.txt, true",
        "file?.txt, dir/file/.txt, false",
        "a+b(c).txt, a+b(c).txt, true"
    })
    void shouldMatchLikeGitignore(String pattern, String path, boolean expected) {
        assertThat(Glob.compile(pattern).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "data/[abc| '[' is never closed",
        "a**b| '**' must stand alone between slashes, as in 'data/**' or '**/cache'",
        "*.{pt,pth| '{' is never closed",
        "x}| '}' without a matching '{'",
        "trailing\\| ends with a lone backslash"
    })
    void shouldRefuseInvalidPatternsSayingWhy(String pattern, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> Glob.compile(pattern))
                .withMessage("invalid pattern '" + pattern + "': " + problem);
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseAnEmptyPattern() {
        assertThatIllegalArgumentException().isThrownBy(() -> Glob.compile(" ")).withMessageContaining("empty");
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource({"*.pth, .pth", "data/**, data/", "**/__pycache__/**, __pycache__/", "'*.{pt,pth}', .",
        "'{a,b}', ''", "run-[0-9].log, run-", "a\\*b-long, a*b-long", "configs/*.yaml, configs/"})
    void shouldKnowThePlainTextEveryMatchHolds(String pattern, String required) {
        assertThat(Glob.compile(pattern).requiredText()).isEqualTo(required);
    }

    @Test
    void shouldMatchAsItsRegularExpressionAlone() {
        String[] patternPieces = {"*", "**/", "?", "a", "b", ".pt", "/", "{a,b}", "[ab]", "[!a]", "\\*", "dir"};
        String[] pathPieces = {"a", "b", ".pt", "/", "dir", "*", "x", "ab"};
        var random = new java.util.Random(7);
        int compared = 0;
        int matched = 0;
        while (compared < 100_000) {
            var pattern = new StringBuilder();
            for (int i = random.nextInt(5) + 1; i > 0; i--) {
                pattern.append(patternPieces[random.nextInt(patternPieces.length)]);
            }
            Glob glob;
            try {
                glob = Glob.compile(pattern.toString());
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (int p = 0; p < 20; p++) {
                var path = new StringBuilder();
                for (int i = random.nextInt(6) + 1; i > 0; i--) {
                    path.append(pathPieces[random.nextInt(pathPieces.length)]);
                }
                boolean expected = glob.regex().matcher(path).matches();
                assertThat(glob.matches(path.toString())).as("%s against %s", pattern, path).isEqualTo(expected);
                compared++;
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).as("pairs that match").isGreaterThan(5_000);
    }

    @Test
    void shouldBeEqualWhenWrittenTheSameWay() {
        assertThat(Glob.compile("*.pt")).isEqualTo(Glob.compile("*.pt")).hasSameHashCodeAs(Glob.compile("*.pt"));
    }

    @Test
    void aPatternOfManyStarsTakesTimeLinearInTheNamesLength() {
        var glob = Glob.compile("*a*a*a*a*a*a*a*a*b");
        var name = "a".repeat(50_000);

        // with a backtracking matcher this takes longer than the age of the universe; RE2/J reads the name a few times
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(glob.matches(name + "c")).isFalse();
            assertThat(glob.matches(name + "b")).isTrue();
        });
    }

    @Test
    void configPatternsThatBacktrackingEnginesStallOnRunInBoundedTime() {
        var text = "a".repeat(30) + "!";
        for (var expression : java.util.List.of("(a+?)+?b", "(a+){12}c", "(a+)+$", "(a|aa)+b", "EXP-(\\d*)*x")) {
            var regex = Regex.compile(expression);
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(regex.pattern().matcher(text).find()).isFalse(),
                    expression);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> Regex.compile("(a)\\1"))
                .withMessageContaining("RE2 syntax: no backreferences or lookaround");
    }
}
