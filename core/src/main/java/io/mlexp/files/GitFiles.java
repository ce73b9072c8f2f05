package io.mlexp.files;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.git.Revisions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of a repository as JGit sees them: what is tracked, what a revision holds
 * (what is staged comes from {@link StagedFiles}).
 * Contents are read lazily while this is open.
 */
public final class GitFiles implements AutoCloseable {
    private final Repository repository;

    private GitFiles(Repository repository) {
        this.repository = repository;
    }

    public static GitFiles open(Path repositoryDir) {
        return new GitFiles(Revisions.open(repositoryDir));
    }

    @Override
    public void close() {
        repository.close();
    }

    /** Every file the index tracks, with its content from the working tree. */
    public List<RepoFile> tracked() {
        try {
            var index = repository.readDirCache();
            var files = new ArrayList<RepoFile>();
            var root = repository.getWorkTree().toPath();
            for (int i = 0; i < index.getEntryCount(); i++) {
                var path = index.getEntry(i).getPathString();
                var file = root.resolve(path);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) { // a tracked link could lead out of the repository
                    files.add(new RepoFile(path, Files.size(file), () -> read(file)));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Git index: " + e.getMessage(), e);
        }
    }

    /** Every file in the tree of {@code revision}, content from the object database. */
    public List<RepoFile> atRevision(String revision) {
        try (var revWalk = new RevWalk(repository); var walk = new TreeWalk(repository)) {
            var id = repository.resolve(revision + "^{commit}");
            if (id == null) {
                throw InvalidInputException.of("revision", SourceLocation.of(revision), "unknown revision '" + revision + "'");
            }
            walk.addTree(revWalk.parseCommit(id).getTree());
            walk.setRecursive(true);
            var files = new ArrayList<RepoFile>();
            while (walk.next()) {
                if (walk.getFileMode(0) != FileMode.GITLINK) {
                    files.add(blob(walk.getPathString(), walk.getObjectId(0), walk.getObjectReader()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + revision + ": " + e.getMessage(), e);
        }
    }

    private RepoFile blob(String path, ObjectId id, ObjectReader reader) throws IOException {
        long size = reader.getObjectSize(id, org.eclipse.jgit.lib.Constants.OBJ_BLOB);
        return new RepoFile(path, size, () -> {
            try (var contentReader = repository.newObjectReader()) {
                return contentReader.open(id).getCachedBytes(Integer.MAX_VALUE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
