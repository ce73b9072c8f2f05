package io.mlexp.cli;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.commit.CommitMessage;
import io.mlexp.commit.CommitRangeCheck;
import io.mlexp.commit.CommitRules;
import io.mlexp.config.MlexpConfig;
import io.mlexp.files.FileRules;
import io.mlexp.files.StagedCheck;
import io.mlexp.util.TextFiles;
import io.mlexp.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The checks Git hooks run before every commit, shared by {@code mlexp check} and {@link HookEntry}. */
final class HookChecks {
    private static final long MAX_MESSAGE_BYTES = 1024 * 1024;
    /** What {@code git commit -v} can write: the message, the scissors line and the staged diff below it. */
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private HookChecks() {
    }

    static List<Finding> commitMessage(Workspace workspace, Path workingDirectory, Path file, String commentChar) {
        var config = workspace.loadConfig();
        var text = TextFiles.readUtf8(workingDirectory.resolve(file), file.toString(), MAX_FILE_BYTES);
        var message = CommitMessage.parse(text, commentChar); // cut at the scissors line first: the diff is not the message
        long size = message.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > MAX_MESSAGE_BYTES) {
            throw InvalidInputException.of("file-too-large", SourceLocation.of(file.toString()),
                    "the message is " + size + " bytes, larger than the limit of " + MAX_MESSAGE_BYTES + " bytes");
        }
        return config.rules().apply(new CommitRules(config.commits(), config.record()).check(message, file.toString()));
    }

    /** The findings of a range check and the line that sums it up. */
    record RangeReport(List<Finding> findings, String summary) {
    }

    static RangeReport commits(Workspace workspace, String range, List<String> excludes) {
        var config = new ConfigOnDemand(workspace);
        var result = new CommitRangeCheck(() -> {
            var loaded = config.get();
            return new CommitRules(loaded.commits(), loaded.record());
        }).check(workspace.root(), range, excludes);
        var findings = config.asSet(result.findings());
        return new RangeReport(findings, "checked " + result.checked() + " commit"
                + (result.checked() == 1 ? "" : "s")
                + (result.skipped() > 0 ? " (" + result.skipped() + " merge, revert or fixup commits skipped)" : ""));
    }

    static List<Finding> staged(Workspace workspace) {
        var config = new ConfigOnDemand(workspace);
        return config.asSet(new StagedCheck(() -> FileRules.forWorkingTree(config.get(), workspace.root())).check(workspace.root()));
    }

    /**
     * The config, read only when a check has something to check (an empty range, nothing staged: not read), and its
     * {@code rules:} applied to the findings once it was read.
     */
    private static final class ConfigOnDemand {
        private final Workspace workspace;
        private final AtomicReference<MlexpConfig> loaded = new AtomicReference<>(); // set on a checking thread

        ConfigOnDemand(Workspace workspace) {
            this.workspace = workspace;
        }

        MlexpConfig get() {
            var config = workspace.loadConfig();
            loaded.set(config);
            return config;
        }

        List<Finding> asSet(List<Finding> findings) {
            var config = loaded.get();
            return config == null ? findings : config.rules().apply(findings);
        }
    }
}
