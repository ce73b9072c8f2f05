package io.mlexp.config;

import io.mlexp.check.Finding;
import io.mlexp.check.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rules:} in {@code .mlexp.yml}: a rule's ID set to {@code off}, {@code warning} or {@code error}, as
 * {@code rules: {commit-wip: warning}}. Every check's findings pass through {@link #apply} before they are reported.
 */
public record RuleSettings(Map<String, Level> levels) {
    /** What a rule reports at: nothing, a warning, or an error. */
    public enum Level {
        OFF, WARNING, ERROR;

        static Level parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "off" -> OFF;
                case "warning", "warn" -> WARNING;
                case "error" -> ERROR;
                default -> throw new IllegalArgumentException("'" + text + "' is not a level; write off, warning or error");
            };
        }
    }

    public RuleSettings {
        levels = Map.copyOf(levels);
    }

    public static RuleSettings defaults() {
        return new RuleSettings(Map.of());
    }

    /** The findings as the team set them: those of rules set {@code off} dropped, the others at the level set. */
    public List<Finding> apply(List<Finding> findings) {
        if (levels.isEmpty()) {
            return findings;
        }
        var kept = new ArrayList<Finding>(findings.size());
        for (var finding : findings) {
            var level = levels.get(finding.ruleId());
            if (level == null) {
                kept.add(finding);
            } else if (level != Level.OFF) {
                var severity = level == Level.ERROR ? Severity.ERROR : Severity.WARNING;
                kept.add(new Finding(finding.ruleId(), severity, finding.location(), finding.message(), finding.hint()));
            }
        }
        return kept;
    }
}
