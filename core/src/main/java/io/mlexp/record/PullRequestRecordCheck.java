package io.mlexp.record;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordConfig;
import io.mlexp.git.Revisions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The pull-request rule. When a change between the merge base of BASE and HEAD touches
 * {@code record.trigger-paths}, the same change adds or modifies a record, and every record it adds or
 * modifies validates at HEAD. A commit trailer {@code Experiment-Record: none <reason>} opts a change
 * out, and the reason is reported.
 */
public final class PullRequestRecordCheck {
    private static final Pattern OPT_OUT = Pattern.compile("(?im)^Experiment-Record:\\s*none\\b[\\s:;,.()\\-–—]*(.*)$");
    private static final int NAMED_TRIGGERS = 10;

    /** What the rule saw and decided. */
    public record Outcome(List<String> triggeredBy, List<String> records, Optional<String> optOut, List<Finding> findings) {
        public Outcome {
            triggeredBy = List.copyOf(triggeredBy);
            records = List.copyOf(records);
            findings = List.copyOf(findings);
        }

        public boolean failed() {
            return findings.stream().anyMatch(Finding::isError);
        }

        /** One line for people: why the rule applied and what settled it. */
        public String summary() {
            if (triggeredBy.isEmpty()) {
                return records.isEmpty() ? "no training code or config changed; no record needed"
                        : "checked " + records.size() + " changed record(s)";
            }
            var trigger = triggeredBy.size() + " changed file(s) need a record (" + String.join(", ",
                    triggeredBy.subList(0, Math.min(3, triggeredBy.size()))) + (triggeredBy.size() > 3 ? ", …" : "") + ")";
            if (!records.isEmpty()) {
                return trigger + "; record(s): " + String.join(", ", records);
            }
            return optOut.map(reason -> trigger + "; opted out: " + reason).orElse(trigger + "; no record");
        }
    }

    private final RecordConfig config;
    private final RecordCheck records;

    public PullRequestRecordCheck(RecordConfig config) {
        this.config = config;
        this.records = new RecordCheck(config);
    }

    public Outcome check(Path repositoryDir, String base, String head) {
        try (var repository = Revisions.open(repositoryDir); var walk = new RevWalk(repository)) {
            var headCommit = Revisions.commit(walk, repository, head, false);
            var baseCommit = Revisions.commit(walk, repository, base, true);
            var since = mergeBase(repository, baseCommit, headCommit);
            var triggered = new ArrayList<String>();
            var changedRecords = new ArrayList<String>();
            changes(repository, since, headCommit, (path, deleted) -> {
                if (records.isRecord(path)) {
                    if (!deleted) {
                        changedRecords.add(path);
                    }
                } else if (config.triggerPaths().stream().anyMatch(glob -> glob.matches(path))) {
                    triggered.add(path);
                }
            });
            var findings = new ArrayList<Finding>();
            var optOut = optOut(repository, since, headCommit, findings);
            var range = base + ".." + head;
            if (!triggered.isEmpty() && changedRecords.isEmpty() && optOut.isEmpty()) {
                findings.add(Finding.error("record-required", SourceLocation.of(range),
                        "this change touches training code or configs (" + String.join(", ", triggered.subList(0,
                                Math.min(NAMED_TRIGGERS, triggered.size()))) + (triggered.size() > NAMED_TRIGGERS
                                ? " and " + (triggered.size() - NAMED_TRIGGERS) + " more" : "")
                                + ") but adds or changes no experiment record under " + config.dir() + "/")
                        .withHint("write one with 'mlexp record new', or opt out with a commit trailer"
                                + " 'Experiment-Record: none <reason>'"));
            }
            if (!changedRecords.isEmpty()) {
                findings.addAll(validate(repositoryDir, head, changedRecords).findings());
            }
            return new Outcome(triggered, changedRecords, optOut, findings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the change: " + e.getMessage(), e);
        }
    }

    private RecordCheck.Result validate(Path repositoryDir, String head, List<String> changed) {
        try (var git = io.mlexp.files.GitFiles.open(repositoryDir)) {
            var files = git.atRevision(head);
            var changedFiles = files.stream().filter(file -> changed.contains(file.path())).toList();
            var everyRecord = files.stream().filter(file -> records.isRecord(file.path())).toList();
            return records.check(changedFiles, everyRecord, RepoReader.of(files));
        }
    }

    private static RevCommit mergeBase(Repository repository, RevCommit base, RevCommit head) throws IOException {
        try (var walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(base));
            walk.markStart(walk.parseCommit(head));
            var mergeBase = walk.next();
            return mergeBase == null ? base : mergeBase;
        }
    }

    private interface ChangeSink {
        void changed(String path, boolean deleted);
    }

    private static void changes(Repository repository, RevCommit since, RevCommit head, ChangeSink sink) throws IOException {
        try (var tree = new TreeWalk(repository)) {
            tree.addTree(since.getTree());
            tree.addTree(head.getTree());
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            while (tree.next()) {
                if (tree.getFileMode(1) != FileMode.GITLINK) {
                    sink.changed(tree.getPathString(), tree.getObjectId(1).equals(ObjectId.zeroId()));
                }
            }
        }
    }

    /** The reason of the newest opt-out trailer in the change; one without a reason is an error. */
    private static Optional<String> optOut(Repository repository, RevCommit since, RevCommit head, List<Finding> findings)
            throws IOException {
        try (var walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            walk.markUninteresting(walk.parseCommit(since));
            for (var commit : walk) {
                var matcher = OPT_OUT.matcher(commit.getFullMessage());
                if (matcher.find()) {
                    var reason = matcher.group(1).strip();
                    var where = "commit " + commit.abbreviate(7).name();
                    if (reason.isEmpty()) {
                        findings.add(Finding.error("record-opt-out-reason", SourceLocation.of(where),
                                "'Experiment-Record: none' needs a reason")
                                .withHint("write 'Experiment-Record: none <why this change needs no record>'"));
                        return Optional.empty();
                    }
                    return Optional.of(reason + " (" + where + ")");
                }
            }
            return Optional.empty();
        }
    }
}
