package io.mlexp.config;

import java.util.Locale;

/** The team conventions of the record template, checked as warnings when listed in {@code record.warnings}. */
public enum RecordConvention {
    /** Key numbers in Results have at most two decimals. */
    RESULTS_DECIMALS,
    /** Every table column is left-aligned ({@code :---}). */
    LEFT_ALIGNED_TABLES,
    /** One H1, the title with the ID. */
    SINGLE_H1;

    /** The word used in {@code record.warnings}, e.g. {@code results-decimals}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
