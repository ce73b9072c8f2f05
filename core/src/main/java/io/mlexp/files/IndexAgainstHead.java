package io.mlexp.files;

import io.mlexp.git.JGitEnvironment;
import io.mlexp.git.Revisions;
import io.mlexp.util.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * What {@code git diff --cached --diff-filter=ACMT} lists, read by JGit in this JVM: the index entries
 * that HEAD does not have as they are. In the resident server JGit is loaded and warm, and this takes
 * 2–3 ms where starting {@code git diff} takes 10–13. Unmerged entries, {@code git add -N} placeholders
 * and submodules are left out, as Git leaves them out of a commit's check.
 *
 * <p>Only the plain case is read here: the index this repository names, or the one {@code GIT_INDEX_FILE}
 * names (the temporary index of {@code git commit -a}). Anything else, another of Git's variables set, an
 * index or repository format JGit cannot read (a split or sparse index, SHA-256 objects), is left to Git:
 * the answer is then empty.</p>
 */
final class IndexAgainstHead {
    private IndexAgainstHead() {
    }

    static Optional<List<StagedEntry>> read(Path root) {
        if (JGitEnvironment.relocated()) {
            return Optional.empty();
        }
        try (var repository = Revisions.open(root)) {
            var indexFile = Environment.get("GIT_INDEX_FILE");
            var index = DirCache.read(indexFile == null ? repository.getIndexFile() : root.resolve(indexFile).toFile(),
                    repository.getFS());
            var entries = new ArrayList<StagedEntry>();
            try (var walk = new TreeWalk(repository)) {
                var head = repository.resolve("HEAD^{tree}");
                if (head == null) {
                    walk.addTree(new EmptyTreeIterator());
                } else {
                    walk.addTree(head);
                }
                walk.addTree(new DirCacheIterator(index));
                walk.setRecursive(true);
                walk.setFilter(TreeFilter.ANY_DIFF);
                while (walk.next()) {
                    var staged = walk.getTree(1, DirCacheIterator.class);
                    var mode = walk.getFileMode(1);
                    if (staged == null || mode == FileMode.GITLINK || staged.getDirCacheEntry().getStage() != 0
                            || staged.getDirCacheEntry().isIntentToAdd()) {
                        continue; // deleted, a submodule, unmerged, or only announced with git add -N
                    }
                    entries.add(new StagedEntry(walk.getPathString(), walk.getObjectId(1).name(), entries.size(),
                            mode == FileMode.SYMLINK));
                }
            }
            return Optional.of(entries);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // JGit cannot read this repository or index as it is: git can
        }
    }
}
