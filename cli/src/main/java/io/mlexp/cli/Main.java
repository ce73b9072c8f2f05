package io.mlexp.cli;

/** Entry point of the {@code mlexp} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        var workingDirectory = java.nio.file.Path.of("");
        int exitCode;
        try {
            exitCode = HookEntry.run(args, workingDirectory)
                    .orElseGet(() -> MlexpCommand.newCommandLine(workingDirectory).execute(args));
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Inputs are bounded before they are parsed; this is the last line of defence, never a stack trace.
            System.err.println(exhausted(e));
            exitCode = ExitCodes.ENVIRONMENT;
        }
        System.exit(exitCode);
    }

    /** What a user reads when a command ran out of stack or memory, here and in the resident server. */
    static String exhausted(VirtualMachineError e) {
        return "mlexp: internal error: " + e.getClass().getSimpleName()
                + " while checking; the input is too large or too deeply nested for this run (--debug shows nothing more)";
    }
}
