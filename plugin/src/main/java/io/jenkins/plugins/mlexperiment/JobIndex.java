package io.jenkins.plugins.mlexperiment;

import hudson.model.Item;
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
import jenkins.branch.MultiBranchProject;

/**
 * A project's compact index: core's append-only history ({@code history.jsonl}, one line per tag) in
 * {@code ml-experiment/} of the project's directory, written when a tag build publishes. Trend charts read this one
 * file, never the builds. In a multibranch project every branch, pull request and tag is a job of its own, so the
 * index is the multibranch project's: tags compare with the tag before them and pull requests with the tags.
 */
final class JobIndex {
    static final String DIRECTORY = "ml-experiment";

    private final History history;

    private JobIndex(Path directory) {
        this.history = History.at(directory);
    }

    /** The index a job's builds read and append to: its multibranch project's when it has one, else its own. */
    static JobIndex of(Job<?, ?> job) {
        return of(owner(job));
    }

    /** The index kept in {@code item}'s directory. */
    static JobIndex of(Item item) {
        return new JobIndex(item.getRootDir().toPath().resolve(DIRECTORY));
    }

    /** The item whose directory holds the job's index. */
    static Item owner(Job<?, ?> job) {
        return job.getParent() instanceof MultiBranchProject<?, ?> project ? project : job;
    }

    boolean exists() {
        return Files.isRegularFile(history.file());
    }

    /** The whole index as text, for the agent to compare against; empty when the project has none yet. */
    String text() throws IOException {
        return exists() ? Files.readString(history.file(), StandardCharsets.UTF_8) : "";
    }

    /** Appends the lines a tag build added (each checked again: they come from an agent), under core's file lock. */
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
