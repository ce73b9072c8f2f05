package io.mlexp.config;

import java.util.Locale;

/** The commit-subject forms a team accepts. */
public enum CommitConvention {
    /** {@code type(scope)!: subject}. */
    CONVENTIONAL,
    /** {@code [exp] subject}: a bracketed type first. */
    EXP_TAG,
    /** The team's own regular expression, {@code commits.pattern}. */
    REGEX;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
