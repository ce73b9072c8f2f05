package io.mlexp.cli;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
final class Terminal {
    private Terminal() {
    }

    @SuppressWarnings("SystemConsoleNull") // on Java 17 to 21, null is how a pipe or a file shows (Java 22 changed it)
    static boolean colourWanted(boolean noColourOption) {
        var noColor = System.getenv("NO_COLOR");
        return !noColourOption && (noColor == null || noColor.isEmpty()) && System.console() != null
                && !"dumb".equals(System.getenv("TERM"));
    }

    /** The terminal's width as the shell exports it in {@code COLUMNS}, else 120. */
    static int columns() {
        try {
            var columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").strip());
            return columns >= 20 ? columns : 120;
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
