package io.mlexp.cli;

/** Entry point of the {@code mlexp} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MlexpCommand.newCommandLine().execute(args));
    }
}
