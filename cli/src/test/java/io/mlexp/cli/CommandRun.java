package io.mlexp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One execution of the mlexp command line in a working directory, with what it printed. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun in(Path workingDirectory, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = MlexpCommand.newCommandLine(workingDirectory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
