package io.jenkins.plugins.mlexperiment;

import hudson.model.Item;
import hudson.model.Job;
import io.mlexp.check.SourceLocation;
import io.mlexp.history.History;
import io.mlexp.history.HistoryEntry;
import io.mlexp.history.HistoryFormat;
import io.mlexp.report.ReportHtml;
import io.mlexp.util.AtomicFiles;
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

    /** The experiment table of the newest build that published one, sanitised HTML, for the project's page. */
    static final String EXPERIMENTS = "experiments.html";

    private final History history;
    private final Path directory;

    private JobIndex(Path directory) {
        this.history = History.at(directory);
        this.directory = directory;
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

    /** Keeps the experiment table a build published (sanitised here: it comes from an agent); an empty one changes nothing. */
    void keepExperiments(String html) {
        if (!html.isBlank()) {
            AtomicFiles.replace(directory.resolve(EXPERIMENTS), ReportHtml.sanitize(html));
        }
    }

    /** The experiment table kept last, or empty. */
    String experiments() throws IOException {
        var file = directory.resolve(EXPERIMENTS);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    List<HistoryEntry> entries() {
        return history.read().entries();
    }
}
