package io.mlexp.cli;

import io.mlexp.commit.CommitRangeCheck;
import io.mlexp.commit.CommitRules;
import io.mlexp.demo.DemoRepository;
import io.mlexp.demo.ExampleProject;
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
 * The workload the launcher runs once, in the background, to record which classes the hooks load
 * into an AppCDS archive ({@code -XX:ArchiveClassesAtExit}): the checks of every commit and push, on
 * a copy of the demo repository. Starting from that archive, a hook's JVM skips most class loading.
 */
final class WarmUp {
    private WarmUp() {
    }

    public static void main(String[] args) throws IOException {
        var dir = Files.createTempDirectory("mlexp-warm-up");
        try {
            ExampleProject.copyBundled(dir);
            DemoRepository.create(dir);
            var workspace = Workspace.locate(dir, Optional.empty(), Optional.empty());
            Files.writeString(dir.resolve("MSG"), "feat(data): cache the decoded digits\n\nBody.\n");
            var silent = new PrintWriter(OutputStream.nullOutputStream());
            var reporter = new Reporter(silent, silent, false, false, false);
            reporter.report(HookChecks.commitMessage(workspace, dir, Path.of("MSG"), "#"), null);
            Files.writeString(dir.resolve("configs/wide.yaml"), Files.readString(dir.resolve("configs/base.yaml")));
            new ProcessBuilder("git", "add", "configs/wide.yaml").directory(dir.toFile()).start().waitFor();
            reporter.report(HookChecks.staged(workspace), null);
            var config = workspace.loadConfig();
            new CommitRangeCheck(new CommitRules(config.commits(), config.record()))
                    .check(dir, DemoRepository.MAIN + ".." + DemoRepository.BRANCH, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (UncheckedIOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
