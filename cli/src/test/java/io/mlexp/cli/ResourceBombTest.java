package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to exhaust memory or time, each through the real entry point in its own JVM with the
 * heap capped at 256 MB: each must end with exit 2 (or 1 for a violation) and its one-line message,
 * never an OutOfMemoryError. The time each took is printed; bench/hostile-input.sh measures it.
 */
class ResourceBombTest {
    private static final long MB = 1024 * 1024;

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws Exception {
        Git.init().setDirectory(repo.toFile()).call().close();
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\nconfigs:\n  required: [\"configs/*.yaml\"]\n  required-keys: [lr]\n");
    }

    @Test
    void aBillionLaughsInTheRules() throws Exception {
        Files.writeString(repo.resolve(".mlexp.yml"), BrokenInputs.billionLaughs());

        assertEnds("billion laughs in .mlexp.yml", 2, ".mlexp.yml:", "[yaml-too-many-nodes]", "check", "config");
    }

    @Test
    void tenThousandLevelsOfNesting() throws Exception {
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

        assertEnds("10,000 levels of nesting", 2, ".mlexp.yml:2:", "[yaml-too-deep]", "check", "config");
    }

    @Test
    void aHundredMegabyteRulesFile() throws Exception {
        text(repo.resolve(".mlexp.yml"), "version: 1\n", "# a comment line of a rules file that is far too long\n", 100 * MB);

        assertEnds("100 MB .mlexp.yml", 2, ".mlexp.yml: error: file is", "[file-too-large]", "check", "config");
    }

    @Test
    void aHundredMegabyteMetricsLog() throws Exception {
        text(repo.resolve("metrics.jsonl"), "", "{\"step\": 1, \"loss\": 0.25, \"accuracy\": 0.5}\n", 100 * MB);

        assertEnds("100 MB metrics.jsonl", 2, "metrics.jsonl: error: file is", "[file-too-large]",
                "history", "append", "--tag", "v1", "--commit", "abcdef1", "--history", "hist", "--metrics", "metrics.jsonl");
    }

    @Test
    void aSixtyMegabyteMetricsLogWithinTheLimitIsStreamed() throws Exception {
        text(repo.resolve("metrics.jsonl"), "", "{\"step\": 1, \"loss\": 0.25, \"accuracy\": 0.5}\n", 60 * MB);

        assertEnds("60 MB metrics.jsonl (valid)", 0, "appended v1", "(2 metrics)",
                "history", "append", "--tag", "v1", "--commit", "abcdef1", "--history", "hist", "--metrics", "metrics.jsonl");
    }

    @Test
    void aTwoMillionLineMetricsLogIsDrawnFromABoundedPartOfIt() throws Exception {
        Files.writeString(repo.resolve("h.jsonl"), "{\"schema\": 1, \"tag\": \"v1\", \"commit\": \"abcdef1\", \"date\": "
                + "\"2026-03-01T12:00:00Z\", \"context\": \"tag\", \"metrics\": {\"loss\": 0.25}}\n");
        text(repo.resolve("metrics.jsonl"), "", "{\"step\":1,\"loss\":0.25}\n", 2_000_000L * 23);
        CommandRun.in(repo, "history", "import", "--history", "hist", "h.jsonl");

        assertEnds("2,000,000-line metrics.jsonl", 0, "wrote", "report of v1", "report", "--history", "hist", "--smoke",
                "metrics.jsonl", "--out", "out");
    }

    @Test
    void aVerboseCommitWithAStagedDiffOverOneMegabyteIsJudgedByItsMessage() throws Exception {
        text(repo.resolve("MSG"), "feat: add a loader\n\n# ------------------------ >8 ------------------------\n"
                + "# Do not modify or remove the line above.\ndiff --git a/data.py b/data.py\n", "+x = 1\n", 3 * MB);

        assertEnds("git commit -v, 3 MB diff", 0, "", "", "check", "commit-msg", "MSG");
    }

    @Test
    void aHundredMegabyteRecord() throws Exception {
        Files.createDirectories(repo.resolve("experiments"));
        text(repo.resolve("experiments/EXP-001.md"), "# EXP-001: big\n\n", "## Goal\nA paragraph that repeats.\n\n", 100 * MB);

        assertEnds("100 MB record", 1, "experiments/EXP-001.md: error:", "[record-too-large]", "record", "check", "experiments/EXP-001.md");
    }

    @Test
    void aTenMegabyteCommitMessage() throws Exception {
        text(repo.resolve("MSG"), "feat: add a loader\n\n", "The body goes on and on about the loader and its cache.\n", 10 * MB);

        assertEnds("10 MB commit message", 2, "MSG: error: the message is", "[file-too-large]", "check", "commit-msg", "MSG");
    }

    @Test
    void aHundredMegabyteStagedConfigIsJudgedBySizeWithoutBeingRead() throws Exception {
        Files.createDirectories(repo.resolve("configs"));
        text(repo.resolve("configs/train.yaml"), "lr: 0.1\n", "# padding\n", 100 * MB);
        try (var git = Git.open(repo.toFile())) {
            git.add().addFilepattern("configs/train.yaml").call();
        }

        assertEnds("100 MB staged config", 1, "configs/train.yaml:", "[file-too-large]", "check", "staged");
    }

    @Test
    void aBillionLaughsInAStagedTrainingConfig() throws Exception {
        Files.createDirectories(repo.resolve("configs"));
        Files.writeString(repo.resolve("configs/train.yaml"), BrokenInputs.billionLaughs().replace("version: 1", "lr: 0.1"));
        try (var git = Git.open(repo.toFile())) {
            git.add().addFilepattern("configs/train.yaml").call();
        }

        assertEnds("billion laughs, staged config", 1, "configs/train.yaml:", "[yaml-too-many-nodes]", "check", "staged");
    }

    /** Runs mlexp in a JVM of its own with {@code -Xmx256m} and checks the exit code and the message. */
    private void assertEnds(String label, int exitCode, String where, String what, String... args) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        long started = System.nanoTime();
        var process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.printf("bomb: %-30s %-26s exit %d in %.2f s%n", label, String.join(" ", args).replaceAll("(.{26}).+", "$1"),
                process.exitValue(),
                (System.nanoTime() - started) / 1e9);

        assertThat(process.exitValue()).as(output).isEqualTo(exitCode);
        assertThat(output).contains(where, what).doesNotContain("OutOfMemoryError", "StackOverflowError", "\tat ", "internal error");
    }

    /** Writes {@code head}, then {@code line} until the file holds at least {@code size} bytes. */
    private static void text(Path file, String head, String line, long size) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(head);
            var block = line.repeat((int) (64 * 1024 / line.length()) + 1);
            for (long written = head.length(); written < size; written += block.length()) {
                out.write(block);
            }
        }
    }
}
