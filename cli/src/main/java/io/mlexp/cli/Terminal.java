package io.mlexp.cli;

import io.mlexp.util.Environment;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
final class Terminal {
    /** Set by the client of the resident server when its standard output is a terminal. */
    static final String STDOUT_IS_TERMINAL = "MLEXP_STDOUT_TERMINAL";

    private Terminal() {
    }

    @SuppressWarnings("SystemConsoleNull") // on Java 17 to 21, null is how a pipe or a file shows (Java 22 changed it)
    static boolean colourWanted(boolean noColourOption) {
        var noColor = Environment.get("NO_COLOR");
        // the resident server has no console: the client says whether its standard output is a terminal
        boolean terminal = System.console() != null || "1".equals(Environment.get(STDOUT_IS_TERMINAL));
        return !noColourOption && (noColor == null || noColor.isEmpty()) && terminal && !"dumb".equals(Environment.get("TERM"));
    }

    /** The terminal's width as the shell exports it in {@code COLUMNS}, else 120. */
    static int columns() {
        try {
            var columns = Integer.parseInt(Environment.all().getOrDefault("COLUMNS", "120").strip());
            return columns >= 20 ? columns : 120;
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
