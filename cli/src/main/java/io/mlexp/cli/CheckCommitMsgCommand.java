package io.mlexp.cli;

import io.mlexp.check.TextFiles;
import io.mlexp.commit.CommitMessage;
import io.mlexp.commit.CommitRules;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "commit-msg", description = {
    "Checks a commit message file, as the commit-msg hook does.",
    "Comment lines and everything below Git's scissors line are ignored, as Git ignores them."})
final class CheckCommitMsgCommand extends MlexpSubcommand {
    private static final long MAX_MESSAGE_BYTES = 1024 * 1024;

    @Parameters(paramLabel = "FILE", description = "The message file (the hook passes .git/COMMIT_EDITMSG).")
    Path file;

    @Option(names = "--comment-char", paramLabel = "C", defaultValue = "#",
            description = "Git's core.commentChar: a character or 'auto' (default: ${DEFAULT-VALUE}).")
    String commentChar;

    @Override
    public Integer call() {
        var workspace = workspace();
        var config = loadConfig(workspace);
        var path = global().workingDirectory().resolve(file);
        var message = CommitMessage.parse(TextFiles.readUtf8(path, file.toString(), MAX_MESSAGE_BYTES), commentChar);
        var findings = new CommitRules(config.commits(), config.record()).check(message, file.toString());
        return report(findings, null);
    }
}
