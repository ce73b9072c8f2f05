package io.mlexp.git;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.ResidentJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Opens repositories and resolves the revisions users and CI pass, with one set of messages: a base
 * a shallow clone lacks is an environment problem that says how to fetch more history, never a
 * silent pass; anything else unknown is bad input.
 */
public final class Revisions {
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{7,40}");

    private Revisions() {
    }

    /**
     * The repository that holds {@code directory}, found by walking up as git does. In the resident server it comes
     * from JGit's {@link RepositoryCache}, so that its pack indexes (a megabyte for 30,000 objects) are read once
     * rather than by every command; JGit notices new packs and refs by itself, and the server exits when idle.
     */
    public static Repository open(Path directory) {
        try {
            var found = new FileRepositoryBuilder().findGitDir(directory.toFile()).setMustExist(true);
            if (found.getGitDir() != null && ResidentJvm.isThisOne()) {
                return RepositoryCache.open(RepositoryCache.FileKey.exact(found.getGitDir(), FS.DETECTED), true);
            }
            return found.build();
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            throw new EnvironmentException("no Git repository at " + directory, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the repository: " + e.getMessage(), e);
        }
    }

    /** Closes the repositories {@link #open} keeps in the resident server: for one it will not see again (a scratch one). */
    public static void forgetKept() {
        RepositoryCache.clear();
    }

    /**
     * The commit {@code revision} names.
     *
     * @param base whether it is the base of a range, which a shallow clone may lack
     */
    public static RevCommit commit(RevWalk walk, Repository repository, String revision, boolean base) throws IOException {
        try {
            var id = repository.resolve(revision + "^{commit}");
            if (id != null) {
                return walk.parseCommit(id);
            }
        } catch (RevisionSyntaxException | AmbiguousObjectException e) {
            throw InvalidInputException.of("range", SourceLocation.of(revision), "not a revision: " + e.getMessage(), e);
        } catch (MissingObjectException e) {
            // a full object ID the clone does not have: handled below like an unresolvable base
        }
        boolean shallow = Files.exists(repository.getDirectory().toPath().resolve("shallow"));
        if (base && (shallow || OBJECT_ID.matcher(revision).matches())) {
            throw new EnvironmentException("the base " + revision + " is not in this clone"
                    + (shallow ? ", which is shallow" : "") + ", so the range cannot be checked. Fetch more history:"
                    + " 'git fetch --deepen=200' or 'git fetch --unshallow' (GitHub Actions: actions/checkout with"
                    + " fetch-depth: 0; GitLab: GIT_DEPTH: 0; Jenkins: clone without a depth limit)");
        }
        throw InvalidInputException.of("range", SourceLocation.of(revision), "unknown revision '" + revision + "'");
    }
}
