package io.mlexp.cli;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.check.TextFiles;
import io.mlexp.commit.CommitMessage;
import io.mlexp.commit.CommitRangeCheck;
import io.mlexp.commit.CommitRules;
import io.mlexp.files.FileRules;
import io.mlexp.files.StagedCheck;
import io.mlexp.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;

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
        return new CommitRules(config.commits(), config.record()).check(message, file.toString());
    }

    /** The findings of a range check and the line that sums it up. */
    record RangeReport(List<Finding> findings, String summary) {
    }

    static RangeReport commits(Workspace workspace, String range, List<String> excludes) {
        var result = new CommitRangeCheck(() -> {
            var config = workspace.loadConfig();
            return new CommitRules(config.commits(), config.record());
        }).check(workspace.root(), range, excludes);
        return new RangeReport(result.findings(), "checked " + result.checked() + " commit"
                + (result.checked() == 1 ? "" : "s")
                + (result.skipped() > 0 ? " (" + result.skipped() + " merge, revert or fixup commits skipped)" : ""));
    }

    static List<Finding> staged(Workspace workspace) {
        return new StagedCheck(() -> FileRules.forWorkingTree(workspace.loadConfig(), workspace.root())).check(workspace.root());
    }
}
