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
        Optional<Regex> pattern,
        SubjectCase subjectCase,
        List<Regex> ignore,
        List<String> scopes) {
    /** {@code commits.subject-case}: how a Conventional Commits description must start. */
    public enum SubjectCase {
        /** No rule (the default). */
        ANY,
        /** Not with an upper-case letter ({@code feat: add a loader}), as commitlint's config-conventional asks. */
        LOWER_CASE,
        /** With an upper-case letter ({@code feat: Add a loader}). */
        SENTENCE_CASE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static final List<String> DEFAULT_TYPES = List.of(
            "feat", "fix", "exp", "data", "model", "perf", "docs", "refactor", "test", "chore", "ci");

    public CommitsConfig {
        conventions = List.copyOf(conventions);
        types = List.copyOf(types);
        experimentIdRequiredFor = List.copyOf(experimentIdRequiredFor);
        ignore = List.copyOf(ignore);
        scopes = List.copyOf(scopes);
    }

    public static CommitsConfig defaults() {
        return new CommitsConfig(List.of(CommitConvention.CONVENTIONAL, CommitConvention.EXP_TAG),
                DEFAULT_TYPES, 72, 100, List.of("exp"), Optional.empty(), SubjectCase.ANY, List.of(), List.of());
    }
}
