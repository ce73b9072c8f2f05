package io.mlexp.cli;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
final class Terminal {
    private Terminal() {
    }

    static boolean colourWanted(boolean noColourOption) {
        var noColor = System.getenv("NO_COLOR");
        return !noColourOption && (noColor == null || noColor.isEmpty()) && System.console() != null
                && !"dumb".equals(System.getenv("TERM"));
    }
}
