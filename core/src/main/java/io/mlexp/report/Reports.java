package io.mlexp.report;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.PublishConfig;
import io.mlexp.config.RecordConfig;
import io.mlexp.git.CommitLog;
import io.mlexp.history.Comparison;
import io.mlexp.history.HistoryEntry;
import io.mlexp.history.QualityGates;
import io.mlexp.metrics.Sample;
import io.mlexp.record.RecordCheck;
import io.mlexp.record.RecordRenderer;
import io.mlexp.util.AtomicFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds a report's facts, with its gates checked, and writes the formats asked for. */
public final class Reports {
    /** The files a report directory can hold. */
    public enum Format {
        HTML("index.html"), MARKDOWN("summary.md"), JSON("report.json"),
        /** The page without its frame and scripts, for Jenkins' build page. */
        FRAGMENT("fragment.html");

        private final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    /** Where reports go, relative to the repository, unless told otherwise. */
    public static final String OUTPUT = ".mlexp/report";

    private Reports() {
    }

    /** The facts of {@code current} against {@code base}, with {@code gates} checked on the comparison. */
    public static ReportFacts facts(String title, HistoryEntry current, Optional<HistoryEntry> base, List<HistoryEntry> trend,
            Map<String, PublishConfig.Gate> gates, List<Sample> smokeCurves, Optional<String> recordHtml,
            List<ReportFacts.Commit> commits, List<Finding> warnings) {
        var comparison = Comparison.of(current, base);
        return new ReportFacts(title, Instant.now(), comparison, QualityGates.check(gates, comparison), trend, smokeCurves,
                recordHtml, commits, warnings, Optional.empty());
    }

    /** The experiment record {@code id} in the working tree, rendered and sanitised; empty when there is none. */
    public static Optional<String> recordHtml(Path root, RecordConfig record, Optional<String> id) {
        return id.flatMap(name -> new RecordCheck(record).find(root, name))
                .map(read -> new RecordRenderer().render(read.source().markdown(), read.source().path()));
    }

    /** How many commits a report lists at most. */
    public static final int MAX_COMMITS = 200;

    /**
     * The commits from {@code base} (exclusive; all history without one) to {@code current}, newest first, when both
     * are in the repository at {@code root}; otherwise none, and a warning that says why, located at {@code where}.
     */
    public static List<ReportFacts.Commit> commits(Path root, Optional<HistoryEntry> base, HistoryEntry current,
            List<Finding> warnings, String where) {
        try {
            return CommitLog.range(root, base.map(HistoryEntry::commit), current.commit(), MAX_COMMITS).stream()
                    .map(line -> new ReportFacts.Commit(line.id(), line.subject())).toList();
        } catch (InvalidInputException | EnvironmentException e) {
            warnings.add(Finding.warning("report-commits", SourceLocation.of(where),
                    "the commits of the range are not listed: " + e.getMessage()));
            return List.of();
        }
    }

    /** Writes each format to {@code directory} (each file whole or not at all); returns the files written. */
    public static List<Path> write(Path directory, ReportFacts facts, Set<Format> formats) {
        if (directory.endsWith(OUTPUT)) {
            AtomicFiles.outputDirectory(directory); // the default place, inside the repository: out of commits
        }
        var written = new ArrayList<Path>();
        for (var format : EnumSet.copyOf(formats)) {
            var file = directory.resolve(format.fileName());
            AtomicFiles.replace(file, switch (format) {
                case HTML -> ReportHtml.render(facts);
                case MARKDOWN -> ReportMarkdown.render(facts, Format.HTML.fileName());
                case JSON -> ReportJson.render(facts);
                case FRAGMENT -> ReportHtml.fragment(facts);
            });
            written.add(file);
        }
        return written;
    }
}
