package io.mlexp.check;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a check found: which rule, where, what is wrong, and how to fix it.
 *
 * @param ruleId   stable identifier of the rule, e.g. {@code config-unknown-key}
 * @param severity error or warning
 * @param location file, line and column the finding points at
 * @param message  what is wrong, quoting the offending text
 * @param hint     how to fix it, empty when there is nothing useful to add
 */
public record Finding(String ruleId, Severity severity, SourceLocation location, String message, String hint) {
    /** The order findings are shown in: by file, line and column; findings at the same place keep their order. */
    public static final java.util.Comparator<Finding> BY_LOCATION = java.util.Comparator
            .comparing((Finding finding) -> finding.location().file())
            .thenComparingInt(finding -> finding.location().line())
            .thenComparingInt(finding -> finding.location().column());

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Finding error(String ruleId, SourceLocation location, String message) {
        return new Finding(ruleId, Severity.ERROR, location, message, "");
    }

    public static Finding warning(String ruleId, SourceLocation location, String message) {
        return new Finding(ruleId, Severity.WARNING, location, message, "");
    }

    public Finding withHint(String newHint) {
        return new Finding(ruleId, severity, location, message, newHint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Optional<String> hintIfAny() {
        return hint.isEmpty() ? Optional.empty() : Optional.of(hint);
    }

    /**
     * The one-line form: {@code file:line:col: error: message [rule] (hint)}. Control and bidirectional
     * characters quoted from untrusted text are written as {@code \\uXXXX}, so that a finding cannot
     * break the line, colour or rewrite the terminal, or reorder what the reader sees.
     */
    public String format() {
        var text = new StringBuilder()
                .append(location).append(": ").append(severity.label()).append(": ").append(message)
                .append(" [").append(ruleId).append(']');
        if (!hint.isEmpty()) {
            text.append(" (").append(hint).append(')');
        }
        return printable(text);
    }

    /** {@code text} with control and bidirectional characters written as {@code \\uXXXX}: what every line printed from untrusted text goes through. */
    public static String printable(CharSequence text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
            boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
            if (control || bidi) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
