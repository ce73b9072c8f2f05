package io.mlexp.cli;

/** Entry point of the {@code mlexp} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        var workingDirectory = java.nio.file.Path.of("");
        System.exit(HookEntry.run(args, workingDirectory)
                .orElseGet(() -> MlexpCommand.newCommandLine(workingDirectory).execute(args)));
    }
}
