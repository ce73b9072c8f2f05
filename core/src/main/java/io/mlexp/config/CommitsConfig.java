package io.mlexp.config;

import java.util.List;
import java.util.Optional;

/** {@code commits:} the commit-message rules. */
public record CommitsConfig(
        List<CommitConvention> conventions,
        List<String> types,
        int subjectMaxLength,
        int bodyMaxLineLength,
        List<String> experimentIdRequiredFor,
        Optional<Regex> pattern) {
    public static final List<String> DEFAULT_TYPES = List.of(
            "feat", "fix", "exp", "data", "model", "perf", "docs", "refactor", "test", "chore", "ci");

    public CommitsConfig {
        conventions = List.copyOf(conventions);
        types = List.copyOf(types);
        experimentIdRequiredFor = List.copyOf(experimentIdRequiredFor);
    }

    public static CommitsConfig defaults() {
        return new CommitsConfig(List.of(CommitConvention.CONVENTIONAL, CommitConvention.EXP_TAG),
                DEFAULT_TYPES, 72, 100, List.of("exp"), Optional.empty());
    }
}
