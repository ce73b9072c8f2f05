package io.mlexp.cli;

import io.mlexp.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The commands Git hooks run, {@code check commit-msg [--comment-char C] FILE}, {@code check staged} and
 * {@code check commits RANGE}, exactly as the hooks write them, run without picocli: its start-up (~80 ms,
 * and its classes cannot go into a CDS archive) would be most of a hook's time. Every other command
 * line, options and help included, goes through {@link MlexpCommand}.
 */
final class HookEntry {
    private HookEntry() {
    }

    /** The exit code, or empty when this is not one of the hook command lines. */
    static Optional<Integer> run(String[] args, Path workingDirectory) {
        var words = List.of(args);
        if (words.equals(List.of("check", "staged"))) {
            return Optional.of(run(workingDirectory, reporter -> reporter.report(
                    HookChecks.staged(workspace(workingDirectory)), null)));
        }
        if (words.size() == 3 && words.subList(0, 2).equals(List.of("check", "commits")) && !words.get(2).startsWith("-")) {
            return Optional.of(run(workingDirectory, reporter -> {
                var checked = HookChecks.commits(workspace(workingDirectory), words.get(2), List.of());
                return reporter.report(checked.findings(), checked.summary());
            }));
        }
        String commentChar = "#";
        if (words.size() == 5 && words.subList(0, 3).equals(List.of("check", "commit-msg", "--comment-char"))) {
            commentChar = words.get(3);
        } else if (words.size() != 3 || !words.subList(0, 2).equals(List.of("check", "commit-msg"))) {
            return Optional.empty();
        }
        var file = words.get(words.size() - 1);
        if (file.startsWith("-")) {
            return Optional.empty();
        }
        var comment = commentChar;
        return Optional.of(run(workingDirectory, reporter -> reporter.report(
                HookChecks.commitMessage(workspace(workingDirectory), workingDirectory, Path.of(file), comment), null)));
    }

    private interface Check {
        int run(Reporter reporter);
    }

    private static int run(Path workingDirectory, Check check) {
        var reporter = new Reporter(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Terminal.colourWanted(false), false, false);
        try {
            return check.run(reporter);
        } catch (RuntimeException e) {
            return reporter.failure(e);
        }
    }

    private static Workspace workspace(Path workingDirectory) {
        return Workspace.locate(workingDirectory.toAbsolutePath(), Optional.empty(), Optional.empty());
    }
}
