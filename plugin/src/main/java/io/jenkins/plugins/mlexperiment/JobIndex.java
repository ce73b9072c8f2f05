package io.jenkins.plugins.mlexperiment;

import hudson.model.Job;
import io.mlexp.check.SourceLocation;
import io.mlexp.history.History;
import io.mlexp.history.HistoryEntry;
import io.mlexp.history.HistoryFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A job's compact index: core's append-only history ({@code history.jsonl}, one line per tag) in
 * {@code JOB_DIR/ml-experiment}, written when a tag build publishes. Trend charts read this one file,
 * never the builds.
 */
final class JobIndex {
    static final String DIRECTORY = "ml-experiment";

    private final History history;

    private JobIndex(Path directory) {
        this.history = History.at(directory);
    }

    static JobIndex of(Job<?, ?> job) {
        return new JobIndex(job.getRootDir().toPath().resolve(DIRECTORY));
    }

    boolean exists() {
        return Files.isRegularFile(history.file());
    }

    /** The whole index as text, for the agent to compare against; empty when the job has none yet. */
    String text() throws IOException {
        return exists() ? Files.readString(history.file(), StandardCharsets.UTF_8) : "";
    }

    /** Appends the lines a tag build added (each checked again: they come from an agent). */
    void append(List<String> lines) {
        var entries = lines.stream().map(line -> HistoryFormat.read(line, SourceLocation.of("agent"))).toList();
        if (!entries.isEmpty()) {
            history.appendAll(entries);
        }
    }

    List<HistoryEntry> entries() {
        return history.read().entries();
    }
}
