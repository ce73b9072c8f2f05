package io.mlexp.commit;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.git.Revisions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Checks every commit message of a range with JGit. A base that the clone does not have (a shallow
 * clone) is an environment problem with instructions, never a silent pass.
 */
public final class CommitRangeCheck {
    /** What a range check found. */
    public record Result(int checked, int skipped, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    private final CommitRules rules;

    public CommitRangeCheck(CommitRules rules) {
        this.rules = rules;
    }

    /** Checks the one commit {@code revision} names (a first build has no base to compare with). */
    public Result checkCommit(Path repositoryDir, String revision) {
        return check(repositoryDir, revision, List.of(), 1);
    }

    /**
     * @param range    {@code BASE..HEAD}, or a single revision (then {@code excludes} bound it)
     * @param excludes revisions whose history is not checked (for new branches: the remote's refs)
     */
    public Result check(Path repositoryDir, String range, List<String> excludes) {
        return check(repositoryDir, range, excludes, Integer.MAX_VALUE);
    }

    private Result check(Path repositoryDir, String range, List<String> excludes, int limit) {
        try (var repository = Revisions.open(repositoryDir); var walk = new RevWalk(repository)) {
            String head = range;
            var bases = new ArrayList<>(excludes);
            int dots = range.indexOf("..");
            if (dots >= 0) {
                if (range.startsWith("...", dots)) {
                    throw InvalidInputException.of("range", SourceLocation.of(range),
                            "symmetric ranges (A...B) are not supported; write BASE..HEAD");
                }
                bases.add(range.substring(0, dots));
                head = range.substring(dots + 2).isEmpty() ? "HEAD" : range.substring(dots + 2);
            }
            walk.markStart(Revisions.commit(walk, repository, head, false));
            for (var base : bases) {
                walk.markUninteresting(Revisions.commit(walk, repository, base, true));
            }
            int checked = 0;
            int skipped = 0;
            var findings = new ArrayList<Finding>();
            int seen = 0;
            for (RevCommit commit : walk) {
                if (seen++ == limit) {
                    break;
                }
                var message = CommitMessage.ofCommit(commit.getFullMessage());
                if (commit.getParentCount() > 1 || CommitRules.skipReason(message).isPresent()) {
                    skipped++;
                    continue;
                }
                checked++;
                findings.addAll(rules.check(message, "commit " + commit.abbreviate(7).name()));
            }
            return new Result(checked, skipped, findings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the commits: " + e.getMessage(), e);
        }
    }
}
