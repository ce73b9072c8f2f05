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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Checks every commit message of a range with JGit. A base that the clone does not have (a shallow
 * clone) is an environment problem with instructions, never a silent pass.
 *
 * <p>The walk and the rules take about as long each over a long range, so the rules run on a second
 * thread, a batch of commits at a time, while JGit reads on; findings keep the walk's order.
 */
public final class CommitRangeCheck {
    private static final int BATCH = 512;

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
     * @param rules called once, on the checking thread, so that reading {@code .mlexp.yml} overlaps
     *              with opening the repository
     */
    public CommitRangeCheck(Supplier<CommitRules> rules) {
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
        ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
            var thread = new Thread(task, "mlexp-commit-rules");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var loaded = checker.submit(rules::get);
            var batches = walk(repositoryDir, range, excludes, limit, loaded, checker);
            int checked = 0;
            int skipped = 0;
            var findings = new ArrayList<Finding>();
            for (var batch : batches) {
                var result = batch.get();
                checked += result.checked();
                skipped += result.skipped();
                findings.addAll(result.findings());
            }
            return new Result(checked, skipped, findings);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking commits", e);
        } finally {
            checker.shutdownNow();
        }
    }

    private static List<Future<Result>> walk(Path repositoryDir, String range, List<String> excludes, int limit,
            Future<CommitRules> rules, ExecutorService checker) {
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
            var batches = new ArrayList<Future<Result>>();
            var pending = new ArrayList<RevCommit>(BATCH);
            int seen = 0;
            for (RevCommit commit : walk) {
                if (seen++ == limit) {
                    break;
                }
                pending.add(commit);
                if (pending.size() == BATCH) {
                    batches.add(submit(pending, rules, checker));
                    pending = new ArrayList<>(BATCH);
                }
            }
            batches.add(submit(pending, rules, checker));
            return batches;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the commits: " + e.getMessage(), e);
        }
    }

    /** Commits handed over are fully parsed: the checker reads only their message and parents. */
    private static Future<Result> submit(List<RevCommit> commits, Future<CommitRules> rules, ExecutorService checker) {
        return checker.submit(() -> {
            var checking = rules.get();
            int checked = 0;
            int skipped = 0;
            var findings = new ArrayList<Finding>();
            for (var commit : commits) {
                var message = CommitMessage.ofCommit(commit.getFullMessage());
                if (commit.getParentCount() > 1 || CommitRules.skipReason(message).isPresent()) {
                    skipped++;
                    continue;
                }
                checked++;
                findings.addAll(checking.check(message, "commit " + commit.abbreviate(7).name()));
            }
            return new Result(checked, skipped, findings);
        });
    }
}
