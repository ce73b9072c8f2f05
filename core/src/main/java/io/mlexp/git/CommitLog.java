package io.mlexp.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevWalk;

/** The commits of a range, newest first, with the first line of each message: what reports list. */
public final class CommitLog {
    /** One commit: its full ID and subject. */
    public record Line(String id, String subject) {
    }

    private CommitLog() {
    }

    /** {@code from..to} (or {@code to} alone, when there is no base), at most {@code limit} commits. */
    public static List<Line> range(Path directory, Optional<String> from, String to, int limit) {
        try (var repository = Revisions.open(directory); var walk = new RevWalk(repository)) {
            walk.markStart(Revisions.commit(walk, repository, to, false));
            if (from.isPresent()) {
                walk.markUninteresting(Revisions.commit(walk, repository, from.get(), true));
            }
            var lines = new ArrayList<Line>();
            for (var commit : walk) {
                if (lines.size() == limit) {
                    break;
                }
                lines.add(new Line(commit.getName(), commit.getShortMessage()));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the commits: " + e.getMessage(), e);
        }
    }

    /**
     * The newest tagged commit that {@code head} builds on, {@code head} itself left out (its own tag is the one being
     * built): what a tag's commits start after. Every parent is followed, so a tagged merge finds the tag before it.
     * Empty for a first tag.
     */
    public static Optional<String> previousTag(Path directory, String head) {
        try (var repository = Revisions.open(directory); var walk = new RevWalk(repository)) {
            var tagged = new java.util.HashSet<org.eclipse.jgit.lib.ObjectId>();
            for (var ref : repository.getRefDatabase().getRefsByPrefix(org.eclipse.jgit.lib.Constants.R_TAGS)) {
                var peeled = repository.getRefDatabase().peel(ref);
                tagged.add(peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId());
            }
            var start = Revisions.commit(walk, repository, head, false);
            walk.sort(org.eclipse.jgit.revwalk.RevSort.COMMIT_TIME_DESC);
            walk.markStart(start);
            for (var commit : walk) {
                if (!commit.equals(start) && tagged.contains(commit)) {
                    return Optional.of(commit.getName());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tags: " + e.getMessage(), e);
        }
    }

    /** The full ID of {@code revision} and its message. */
    public static Line resolve(Path directory, String revision) {
        try (var repository = Revisions.open(directory); var walk = new RevWalk(repository)) {
            var commit = Revisions.commit(walk, repository, revision, false);
            return new Line(commit.getName(), commit.getFullMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + revision + ": " + e.getMessage(), e);
        }
    }

    /** The message of the annotated tag {@code name}; empty for a lightweight tag or no such tag. */
    public static Optional<String> tagMessage(Path directory, String name) {
        try (var repository = Revisions.open(directory); var walk = new RevWalk(repository)) {
            var ref = repository.exactRef(org.eclipse.jgit.lib.Constants.R_TAGS + name);
            if (ref == null) {
                return Optional.empty();
            }
            return walk.parseAny(ref.getObjectId()) instanceof org.eclipse.jgit.revwalk.RevTag tag
                    ? Optional.of(tag.getFullMessage()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tag " + name + ": " + e.getMessage(), e);
        }
    }
}
