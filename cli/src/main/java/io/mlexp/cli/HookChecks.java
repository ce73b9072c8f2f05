package io.mlexp.cli;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.commit.CommitMessage;
import io.mlexp.commit.CommitRangeCheck;
import io.mlexp.commit.CommitRules;
import io.mlexp.config.RuleSettings;
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
        var settings = new AtomicReference<RuleSettings>();
        var result = new CommitRangeCheck(() -> {
            var config = workspace.loadConfig();
            settings.set(config.rules());
            return new CommitRules(config.commits(), config.record());
        }).check(workspace.root(), range, excludes);
        // the config is read only when the range holds a commit to check
        var findings = settings.get() == null ? result.findings() : settings.get().apply(result.findings());
        return new RangeReport(findings, "checked " + result.checked() + " commit"
                + (result.checked() == 1 ? "" : "s")
                + (result.skipped() > 0 ? " (" + result.skipped() + " merge, revert or fixup commits skipped)" : ""));
    }

    static List<Finding> staged(Workspace workspace) {
        var settings = new AtomicReference<RuleSettings>();
        var findings = new StagedCheck(() -> {
            var config = workspace.loadConfig();
            settings.set(config.rules());
            return FileRules.forWorkingTree(config, workspace.root());
        }).check(workspace.root());
        return settings.get() == null ? findings : settings.get().apply(findings); // nothing staged: the config is not read
    }
}
