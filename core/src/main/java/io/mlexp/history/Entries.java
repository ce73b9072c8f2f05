package io.mlexp.history;

import io.mlexp.metrics.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Picking entries out of a history: the latest, the previous tag, one by tag or commit, the trend. */
public final class Entries {
    public static final String PREVIOUS_TAG = "previous-tag";

    private Entries() {
    }

    public static Optional<HistoryEntry> latest(List<HistoryEntry> entries) {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /** The last entry written before {@code current} with a tag other than its tag. */
    public static Optional<HistoryEntry> previousTag(List<HistoryEntry> entries, HistoryEntry current) {
        int index = entries.lastIndexOf(current);
        for (int i = (index < 0 ? entries.size() : index) - 1; i >= 0; i--) {
            var entry = entries.get(i);
            if (entry.tag().isPresent() && !entry.tag().equals(current.tag())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The last entry whose tag is {@code ref}, or whose commit starts with it (7 characters at least). */
    public static Optional<HistoryEntry> find(List<HistoryEntry> entries, String ref) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            var entry = entries.get(i);
            if (entry.tag().filter(ref::equals).isPresent() || (ref.length() >= 7 && entry.commit().startsWith(ref))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The entries a trend chart shows: the tagged ones (the last entry of each tag), else every entry. */
    public static List<HistoryEntry> trend(List<HistoryEntry> entries) {
        var byTag = new LinkedHashMap<String, HistoryEntry>();
        for (var entry : entries) {
            entry.tag().ifPresent(tag -> {
                byTag.remove(tag);
                byTag.put(tag, entry);
            });
        }
        return byTag.isEmpty() ? List.copyOf(entries) : new ArrayList<>(byTag.values());
    }

    /** Each metric's last logged value: what a run's history entry records. */
    public static Map<String, Double> finalValues(List<Sample> samples) {
        var values = new LinkedHashMap<String, Double>();
        samples.forEach(sample -> values.putAll(sample.values()));
        return values;
    }
}
