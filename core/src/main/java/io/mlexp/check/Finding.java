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

    /** The one-line form: {@code file:line:col: error: message [rule] (hint)}. */
    public String format() {
        var text = new StringBuilder()
                .append(location).append(": ").append(severity.label()).append(": ").append(message)
                .append(" [").append(ruleId).append(']');
        if (!hint.isEmpty()) {
            text.append(" (").append(hint).append(')');
        }
        return text.toString();
    }
}
