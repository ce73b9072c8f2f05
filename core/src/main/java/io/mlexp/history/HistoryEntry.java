package io.mlexp.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run in the history: where it came from (tag, commit, date, context), its final metrics, the
 * smoke run's verdict, the environment fingerprint and the experiment record it belongs to.
 * The format is {@code docs/history-format.md}, schema {@value #SCHEMA}.
 */
public record HistoryEntry(int schema, Optional<String> tag, String commit, Instant date, String context,
        Map<String, Double> metrics, Optional<SmokeSummary> smoke, Map<String, String> fingerprint,
        Optional<String> record) {
    public static final int SCHEMA = 1;

    /** How the smoke run that produced the metrics ended. */
    public record SmokeSummary(String verdict, String engine, double seconds) {
    }

    public HistoryEntry {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        fingerprint = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprint));
    }

    /** The tag, else the commit's first 12 characters: how charts and tables name the entry. */
    public String label() {
        return tag.orElse(commit.length() > 12 ? commit.substring(0, 12) : commit);
    }
}
