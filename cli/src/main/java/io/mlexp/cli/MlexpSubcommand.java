package io.mlexp.cli;

import io.mlexp.check.Finding;
import io.mlexp.config.MlexpConfig;
import io.mlexp.workspace.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** What every subcommand shares: the global options, the workspace, and printing findings. */
abstract class MlexpSubcommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    MlexpCommand global() {
        return (MlexpCommand) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean json() {
        return global().format == OutputFormat.json;
    }

    Workspace workspace() {
        return Workspace.locate(global().workingDirectory(), global().repo(), global().config());
    }

    /** The repository root alone, for commands that need no config. */
    java.nio.file.Path repositoryRoot() {
        return global().repo().map(global().workingDirectory()::resolve).orElseGet(() -> workspace().root());
    }

    MlexpConfig loadConfig(Workspace workspace) {
        return workspace.loadConfig();
    }

    Reporter reporter() {
        return global().reporter(spec.commandLine());
    }

    String colour(String style, String text) {
        return reporter().colour(style, text);
    }

    /** See {@link Reporter#report}. */
    int report(List<Finding> findings, @Nullable String summary) {
        return reporter().report(findings, summary);
    }

    /** Reports findings as {@code config}'s {@code rules:} sets them: some off, some at another severity. */
    int report(MlexpConfig config, List<Finding> findings, String summary) {
        return report(config.rules().apply(findings), summary);
    }

    void printFindings(List<Finding> findings) {
        reporter().printFindings(findings);
    }
}
