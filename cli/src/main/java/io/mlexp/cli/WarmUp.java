package io.mlexp.cli;

import io.mlexp.commit.CommitRangeCheck;
import io.mlexp.commit.CommitRules;
import io.mlexp.config.SmokeConfig;
import io.mlexp.demo.DemoRepository;
import io.mlexp.demo.ExampleProject;
import io.mlexp.git.JGitEnvironment;
import io.mlexp.git.Revisions;
import io.mlexp.smoke.Smoke;
import io.mlexp.smoke.SmokeReport;
import io.mlexp.util.Environment;
import io.mlexp.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The checks of every commit and push, and the frame of a smoke run, on a copy of the demo repository.
 * The launcher runs them once, in the background, to record which classes the hooks load into a
 * class-data archive ({@code -XX:ArchiveClassesAtExit}, or {@code -XX:AOTCacheOutput} on Java 25):
 * starting from that archive, a hook's JVM skips most class loading. The resident server runs the
 * checks many times over before it answers anything, for its JIT ({@link #forTheJit}).
 */
final class WarmUp {
    private WarmUp() {
    }

    /** The part of {@code mlexp smoke} around the engine: a process, its metrics judged, smoke.json written. */
    private static void smoke(Path dir, SmokeConfig smoke) {
        var local = smoke.toBuilder().engine(SmokeConfig.Engine.LOCAL)
                .command("printf '{\"step\": 1, \"loss\": 2}\\n{\"step\": 2, \"loss\": 1}\\n' >> \"$MLEXP_METRICS\"").build();
        var output = dir.resolve(Smoke.OUTPUT);
        SmokeReport.write(output.resolve("smoke.json"), Smoke.run(local, SmokeConfig.Engine.LOCAL, dir, output, line -> { }));
    }

    public static void main(String[] args) throws IOException {
        run(1, true);
    }

    /**
     * The hooks' checks {@code rounds} times over, on a commit's worth of staged files: what the resident
     * server does before it announces itself, so that the JIT has compiled the checks before a developer's
     * commit asks. Over its first thirty pre-commit checks of 1,000 files a fresh server took about 30 ms
     * more each than after its hundredth.
     */
    static void forTheJit(int rounds) {
        try {
            run(rounds, false);
        } catch (IOException | RuntimeException e) {
            // a warm-up that cannot run leaves a slower server, not a broken one
        }
    }

    private static void run(int rounds, boolean smokeFrame) throws IOException {
        if (JGitEnvironment.relocated() || Environment.get("GIT_INDEX_FILE") != null) {
            return; // the launcher clears them; started any other way, do nothing rather than touch a user's repository
        }
        var dir = Files.createTempDirectory("mlexp-warm-up");
        try {
            ExampleProject.copyBundled(dir);
            DemoRepository.create(dir);
            DemoRepository.branch(dir);
            var workspace = Workspace.locate(dir, Optional.empty(), Optional.empty());
            Files.writeString(dir.resolve("MSG"), "feat(data): cache the decoded digits\n\nBody.\n");
            stageACommitsWorth(dir);
            var silent = new PrintWriter(new java.io.OutputStreamWriter(OutputStream.nullOutputStream(), java.nio.charset.StandardCharsets.UTF_8));
            var reporter = new Reporter(silent, silent, false, false, false);
            var config = workspace.loadConfig();
            for (int round = 0; round < rounds; round++) {
                reporter.report(HookChecks.commitMessage(workspace, dir, Path.of("MSG"), "#"), null);
                reporter.report(HookChecks.staged(workspace), null);
                new CommitRangeCheck(new CommitRules(config.commits(), config.record()))
                        .check(dir, DemoRepository.MAIN + ".." + DemoRepository.BRANCH, List.of());
            }
            if (smokeFrame) {
                smoke(dir, config.smoke());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Revisions.forgetKept(); // the server must not keep the scratch repository open
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(WarmUp::deleteQuietly);
            } catch (UncheckedIOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }

    /** Modules and training configs staged, as a commit of some size stages them: both paths of the file checks. */
    private static void stageACommitsWorth(Path dir) throws IOException, InterruptedException {
        var base = Files.readString(dir.resolve("configs/base.yaml"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(dir.resolve("configs/sweep-" + i + ".yaml"), base.replace("seed:", "# sweep " + i + "\nseed:"));
        }
        var modules = Files.createDirectories(dir.resolve("src/warm"));
        for (int i = 0; i < 200; i++) {
            Files.writeString(modules.resolve("m" + i + ".py"), "def f" + i + "(x):\n    return x * " + i + "\n");
        }
        new ProcessBuilder("git", "add", "configs", "src/warm").directory(dir.toFile()).start().waitFor();
    }

    /** A temporary file or folder left behind is harmless; nothing to report. */
    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (java.io.IOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
