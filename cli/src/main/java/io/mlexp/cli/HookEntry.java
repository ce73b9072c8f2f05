package io.mlexp.cli;

import io.mlexp.config.SmokeConfig;
import io.mlexp.smoke.Smoke;
import io.mlexp.workspace.Workspace;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The commands Git hooks run, {@code check commit-msg [--comment-char C] FILE}, {@code check staged} and
 * {@code check commits RANGE}, exactly as the hooks write them, and the smoke run of every push,
 * {@code smoke [--engine E] [--out DIR]}, run without picocli: its start-up (~70 ms, and its classes
 * cannot go into a CDS archive) would be most of a hook's time. Every other command line, options and
 * help included, goes through {@link MlexpCommand}.
 */
final class HookEntry {
    private HookEntry() {
    }

    /** The exit code, or empty when this is not one of the hook command lines. */
    static Optional<Integer> run(String[] args, Path workingDirectory) {
        return run(args, workingDirectory, System.out, System.err);
    }

    /** The same, writing to {@code out} and {@code err}: the resident server answers a hook this way. */
    static Optional<Integer> run(String[] args, Path workingDirectory, OutputStream out, OutputStream err) {
        var streams = new Streams(out, err);
        var words = List.of(args);
        if (!words.isEmpty() && words.get(0).equals("smoke")) {
            return smoke(words.subList(1, words.size()), workingDirectory, streams);
        }
        if (words.equals(List.of("check", "staged"))) {
            return Optional.of(streams.run(reporter -> reporter.report(
                    HookChecks.staged(workspace(workingDirectory)), null)));
        }
        if (words.size() == 3 && words.subList(0, 2).equals(List.of("check", "commits")) && !words.get(2).startsWith("-")) {
            return Optional.of(streams.run(reporter -> {
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
        return Optional.of(streams.run(reporter -> reporter.report(
                HookChecks.commitMessage(workspace(workingDirectory), workingDirectory, Path.of(file), comment), null)));
    }

    /** {@code smoke}, {@code --engine E} and {@code --out DIR} in any order, each at most once. */
    private static Optional<Integer> smoke(List<String> options, Path workingDirectory, Streams streams) {
        Optional<SmokeConfig.Engine> engine = Optional.empty();
        var out = Smoke.OUTPUT;
        var seen = new HashSet<String>();
        for (int i = 0; i < options.size(); i += 2) {
            var option = options.get(i);
            if (i + 1 >= options.size() || !seen.add(option) || options.get(i + 1).startsWith("-")) {
                return Optional.empty();
            }
            var value = options.get(i + 1);
            if (option.equals("--engine")) {
                var named = Arrays.stream(SmokeConfig.Engine.values()).filter(e -> e.label().equalsIgnoreCase(value)).findFirst();
                if (named.isEmpty()) {
                    return Optional.empty(); // picocli says what the choices are
                }
                engine = named;
            } else if (option.equals("--out")) {
                out = value;
            } else {
                return Optional.empty();
            }
        }
        var chosen = engine;
        var output = Path.of(out);
        return Optional.of(streams.run(reporter -> SmokeRun.run(workspace(workingDirectory), chosen, output, reporter)));
    }

    private interface Check {
        int run(Reporter reporter);
    }

    private record Streams(OutputStream out, OutputStream err) {
        int run(Check check) {
            // UTF-8, as Git writes and reads messages: a hook under the C locale still prints the message it quotes
            var reporter = new Reporter(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                    new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true),
                    Terminal.colourWanted(false), false, false);
            try {
                return check.run(reporter);
            } catch (RuntimeException e) {
                return reporter.failure(e);
            }
        }
    }

    private static Workspace workspace(Path workingDirectory) {
        return Workspace.locate(workingDirectory.toAbsolutePath(), Optional.empty(), Optional.empty());
    }
}
