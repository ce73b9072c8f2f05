package io.mlexp.record;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordConfig;
import io.mlexp.files.GitFiles;
import io.mlexp.files.RepoFile;
import io.mlexp.git.CommitLog;
import io.mlexp.git.CommitRange;
import io.mlexp.git.RangeCommit;
import io.mlexp.git.RangeCommits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tag rule: every experiment ID the tag's commits name (in {@code base..head}, or the tagged commit
 * alone) has a record at the tag, and each of those records validates.
 */
public final class NamedRecordCheck {
    /** The IDs named, the records found for them, and the problems. */
    public record Outcome(Map<String, String> namedBy, List<String> records, List<Finding> findings) {
        public Outcome {
            namedBy = Map.copyOf(namedBy);
            records = List.copyOf(records);
            findings = List.copyOf(findings);
        }

        public String summary() {
            return namedBy.isEmpty() ? "the commits name no experiment ID; no record to check"
                    : "IDs named: " + String.join(", ", namedBy.keySet().stream().sorted().toList())
                            + (records.isEmpty() ? "" : "; record(s): " + String.join(", ", records));
        }
    }

    private final RecordConfig config;
    private final RecordCheck records;

    public NamedRecordCheck(RecordConfig config) {
        this.config = config;
        this.records = new RecordCheck(config);
    }

    /**
     * The tag rule for the tag at {@code head}: the IDs its commits name, from the previous tag (all of history for a
     * first tag) to {@code head}, the commits a tag's report lists.
     */
    public Outcome checkTag(Path repositoryDir, String head) {
        return check(repositoryDir, namedIds(repositoryDir, CommitLog.previousTag(repositoryDir, head), head, Integer.MAX_VALUE), head);
    }

    public Outcome check(Path repositoryDir, Optional<String> base, String head) {
        return check(repositoryDir, namedIds(repositoryDir, base, head, base.isPresent() ? Integer.MAX_VALUE : 1), head);
    }

    /** The experiment IDs a tag's commits name ({@link #checkTag}), newest first. */
    public List<String> idsOfTag(Path repositoryDir, String head) {
        return List.copyOf(namedIds(repositoryDir, CommitLog.previousTag(repositoryDir, head), head, Integer.MAX_VALUE).keySet());
    }

    private Outcome check(Path repositoryDir, Map<String, String> named, String head) {
        if (named.isEmpty()) {
            return new Outcome(named, List.of(), List.of());
        }
        try (var git = GitFiles.open(repositoryDir)) {
            var files = git.atRevision(head);
            var everyRecord = files.stream().filter(file -> records.isRecord(file.path())).toList();
            var byId = new LinkedHashMap<String, RepoFile>();
            for (var file : everyRecord) {
                try {
                    records.read(file).record().id(config.idPattern().pattern())
                            .ifPresent(id -> byId.putIfAbsent(id.text(), file));
                } catch (InvalidInputException e) {
                    // an unreadable record is reported below if a commit names it
                }
            }
            var findings = new ArrayList<Finding>();
            var chosen = new ArrayList<RepoFile>();
            named.forEach((id, commit) -> {
                var file = byId.get(id);
                if (file == null) {
                    findings.add(Finding.error("record-named-missing", SourceLocation.of(commit),
                            "names " + id + ", but no record under " + config.dir() + "/ at " + head + " has that ID")
                            .withHint("add " + config.dir() + "/" + id + ".md (mlexp record new --id " + id + ") or a notebook " + id + ".ipynb"));
                } else {
                    chosen.add(file);
                }
            });
            var result = records.check(chosen, everyRecord, RepoReader.of(files));
            findings.addAll(result.findings());
            return new Outcome(named, result.checked(), findings);
        }
    }

    /** Each ID the commits name, with the first commit (newest first) that names it. */
    private Map<String, String> namedIds(Path repositoryDir, Optional<String> base, String head, int limit) {
        var range = CommitRange.parse(head, base.map(List::of).orElse(List.of()));
        try (var commits = RangeCommits.start(repositoryDir, range, limit)) {
            return commits.readInto(NamedIds::new).named;
        }
    }

    private final class NamedIds implements Consumer<RangeCommit> {
        private final Map<String, String> named = new LinkedHashMap<>();

        @Override
        public void accept(RangeCommit commit) {
            var matcher = config.idPattern().pattern().matcher(commit.message());
            while (matcher.find()) {
                named.putIfAbsent(matcher.group(), "commit " + commit.shortId());
            }
        }
    }
}
