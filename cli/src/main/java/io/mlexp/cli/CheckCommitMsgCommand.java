package io.mlexp.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "commit-msg", description = {
    "Checks a commit message file, as the commit-msg hook does.",
    "Comment lines and everything below Git's scissors line are ignored, as Git ignores them."})
final class CheckCommitMsgCommand extends MlexpSubcommand {
    @Parameters(paramLabel = "FILE", description = "The message file (the hook passes .git/COMMIT_EDITMSG).")
    Path file;

    @Option(names = "--comment-char", paramLabel = "C", defaultValue = "#",
            description = "Git's core.commentChar: a character or 'auto' (default: ${DEFAULT-VALUE}).")
    String commentChar;

    @Override
    public Integer call() {
        return report(HookChecks.commitMessage(workspace(), global().workingDirectory(), file, commentChar), null);
    }
}
