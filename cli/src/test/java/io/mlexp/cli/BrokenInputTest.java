package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.cli.BrokenInputs.Case;
import io.mlexp.cli.BrokenInputs.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken input of {@link BrokenInputs} through the command that reads it: the exit code is
 * one the case allows (2 bad input, 1 violation), the message is a finding that names the file
 * (and line and column where the case has one), and nothing else is printed: no stack trace, no
 * internal error, no control character from the input.
 */
class BrokenInputTest {
    private static final Pattern FINDING = Pattern.compile(
            "^(?<file>[^:]+)(:\\d+(:\\d+)?)?: (error|warning): .+ \\[[a-z0-9-]+\\]( \\(.*\\))?$");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final java.util.Set<Format> INDEXED = java.util.EnumSet.of(Format.TRAINING_CONFIG, Format.DOCKERFILE);
    private static final String OUTSIDE_SECRET = "root:x:0:0:outside-the-repository";

    @TempDir
    Path dir;

    static Stream<Case> cases() {
        return BrokenInputs.all().stream();
    }

    @Test
    void theSuiteHoldsAtLeast300BrokenInputs() {
        var all = BrokenInputs.all();
        var broken = all.stream().filter(c -> !c.exits().equals(BrokenInputs.ACCEPTED)).count();
        System.out.printf("broken inputs: %d, and %d valid variants (BOM, CRLF, samples) that must pass%n", broken, all.size() - broken);
        assertThat(broken).isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBrokenInputGetsOneClearMessageAndItsExitCode(Case broken) throws Exception {
        var repo = repository(broken);

        var run = CommandRun.in(repo, broken.format().command.toArray(String[]::new));

        var output = run.out() + run.err();
        var exits = broken.content() == null && INDEXED.contains(broken.format()) ? BrokenInputs.NOT_ACCEPTED : broken.exits();
        assertThat(exits).as("exit code of %s, output:%n%s", broken, output).contains(run.exitCode());
        assertThat(output).doesNotContain("\tat ", "internal error", "Exception", OUTSIDE_SECRET);
        assertThat(CONTROL.matcher(output).find()).as("control characters in:%n%s", output).isFalse();
        if (run.exitCode() != 0) {
            var findings = findings(output);
            assertThat(findings).as("findings in:%n%s", output).isNotEmpty();
            if (broken.location() != null) {
                assertThat(output).contains(broken.format().displayName() + ":" + broken.location());
            }
        }
    }

    /** A repository with the rules, the case's file, and (for formats read from Git's index) the file staged. */
    private Path repository(Case broken) throws Exception {
        var repo = dir.resolve("repo");
        Files.createDirectories(repo);
        var format = broken.format();
        try (var git = Git.init().setDirectory(repo.toFile()).call()) {
            if (format != Format.RULES) {
                Files.writeString(repo.resolve(".mlexp.yml"), BrokenInputs.RULES);
            }
            var file = repo.resolve(format.path);
            Files.createDirectories(file.getParent());
            boolean indexed = INDEXED.contains(format);
            if (broken.content() != null) {
                Files.write(file, broken.content());
            } else if (indexed) {
                var outside = Files.writeString(dir.resolve("passwd"), OUTSIDE_SECRET + "\n");
                Files.createSymbolicLink(file, outside);
            } else {
                Files.createDirectories(file);
            }
            if (indexed) {
                git.add().addFilepattern(format.path).call();
            }
        }
        return repo;
    }

    private static List<String> findings(String output) {
        var lines = new ArrayList<String>();
        for (var line : output.split("\n")) {
            var matcher = FINDING.matcher(line);
            if (matcher.matches()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void theInputsAreWhatTheyClaimToBe() {
        var bom = BrokenInputs.all().stream().filter(c -> c.name().equals("only a byte order mark")).findFirst().orElseThrow();
        assertThat(bom.content()).containsExactly(0xEF, 0xBB, 0xBF);
        var nul = BrokenInputs.all().stream().filter(c -> c.name().equals("a NUL byte at 2:3") && c.format() == Format.RULES).findFirst().orElseThrow();
        var lines = new String(nul.content(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines[1].charAt(2)).isEqualTo('\0');
    }
}
