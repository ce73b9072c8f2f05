package io.mlexp.commit;

import io.mlexp.check.Finding;
import io.mlexp.git.CommitRange;
import io.mlexp.git.RangeCommit;
import io.mlexp.git.RangeCommits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Checks every commit message of a range. A base that the clone does not have (a shallow clone) is an
 * environment problem with instructions, never a silent pass.
 */
public final class CommitRangeCheck {
    /** What a range check found. */
    public record Result(int checked, int skipped, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    private final Supplier<CommitRules> rules;

    public CommitRangeCheck(CommitRules rules) {
        this(() -> rules);
    }

    /**
     * @param rules called once, while git reads the range, so that reading {@code .mlexp.yml} overlaps
     *              with the walk
     */
    public CommitRangeCheck(Supplier<CommitRules> rules) {
        this.rules = rules;
    }

    /** Checks the one commit {@code revision} names (a first build has no base to compare with). */
    public Result checkCommit(Path repositoryDir, String revision) {
        return check(repositoryDir, CommitRange.parse(revision, List.of()), 1);
    }

    /**
     * Checks the messages of a range of commits, merges, reverts and fixups passed over.
     *
     * @param range    {@code BASE..HEAD}, or a single revision (then {@code excludes} bound it)
     * @param excludes revisions whose history is not checked (for new branches: the remote's refs)
     */
    public Result check(Path repositoryDir, String range, List<String> excludes) {
        return check(repositoryDir, CommitRange.parse(range, excludes), Integer.MAX_VALUE);
    }

    private Result check(Path repositoryDir, CommitRange range, int limit) {
        try (var commits = RangeCommits.start(repositoryDir, range, limit)) {
            var checking = rules.get();
            return commits.readInto(() -> new Tally(checking)).result();
        }
    }

    /** Counts and checks the commits of one reading of the range. */
    private static final class Tally implements Consumer<RangeCommit> {
        private final CommitRules rules;
        private final List<Finding> findings = new ArrayList<>();
        private int checked;
        private int skipped;

        Tally(CommitRules rules) {
            this.rules = rules;
        }

        @Override
        public void accept(RangeCommit commit) {
            var message = CommitMessage.ofCommit(commit.message());
            if (commit.parentCount() > 1 || rules.skipReasonOf(message).isPresent()) {
                skipped++;
                return;
            }
            checked++;
            findings.addAll(rules.check(message, "commit " + commit.shortId()));
        }

        Result result() {
            return new Result(checked, skipped, findings);
        }
    }
}
