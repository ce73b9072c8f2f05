package io.mlexp.files;

import io.mlexp.check.EnvironmentException;
import io.mlexp.git.GitCommand;
import io.mlexp.util.ResidentJvm;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ObjIntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What is staged for the next commit, as the pre-commit hook must see it: {@code git commit -a} and
 * {@code git commit PATH} stage into a temporary index named by {@code GIT_INDEX_FILE}.
 *
 * <p>The list of files and their blob IDs comes from JGit ({@link IndexAgainstHead}), or, where JGit
 * cannot read the index or another of Git's variables points elsewhere, from {@code git diff --cached}.
 * A file whose working-tree copy is still that blob, as it is right after {@code git add}, is read from
 * there ({@link WorkingTreeCopy}) and handed on at once, to be checked on the thread that read it.
 * The others are read from Git: one {@code git cat-file --batch} streams their contents. A blob over
 * {@link #INLINE_MAX_BLOB} (a model staged by mistake) is not streamed: that process stops there; a
 * {@code cat-file --batch-check} then sizes the rest, a fresh batch reads the small ones, and a large
 * blob is read only if a rule asks for it.</p>
 */
public final class StagedFiles implements AutoCloseable {
    static final long INLINE_MAX_BLOB = 1L << 20;
    private static final int MAX_COPIERS = 4;

    private final Path root;
    private @Nullable Process batch;
    private @Nullable Process onDemand;
    private @Nullable CatFileOutput onDemandOut;
    private @Nullable OutputStream onDemandIn;

    private StagedFiles(Path root) {
        this.root = root;
    }

    public static StagedFiles open(Path repositoryRoot) {
        return new StagedFiles(repositoryRoot);
    }

    /** Files added, modified, copied or renamed (under their new name) in the index against HEAD, in Git's order. */
    public List<RepoFile> list() {
        var files = new ConcurrentSkipListMap<Integer, RepoFile>();
        read((file, position) -> files.put(position, file));
        return List.copyOf(files.values());
    }

    /**
     * Hands each staged file to {@code arrived} with its position in Git's order, as soon as its content
     * is read, on the thread that read it: those read from the working tree first, on more than one
     * thread at once where there are cores to spare, then those read from Git. What {@code arrived} does
     * not keep is garbage once it returns: that bounds the memory.
     */
    public void read(ObjIntConsumer<RepoFile> arrived) {
        var entries = IndexAgainstHead.read(root).orElseGet(() -> CachedDiff.read(root));
        var fromGit = copyFromWorkingTree(entries, arrived);
        if (fromGit.isEmpty()) {
            return;
        }
        batch = startBatch();
        int next = streamUntilLarge(fromGit, arrived);
        batch.destroy();
        if (next < fromGit.size()) {
            readRest(fromGit.subList(next, fromGit.size()), arrived);
        }
    }

    /**
     * Hands on every file whose working-tree copy is what was staged, reading on a thread for every core
     * (to four) in the resident server, whose JIT is done, and for every other core elsewhere, where the
     * JIT is busy: a small file costs more in system calls than in reading (1,000 files on 2 cores, warm:
     * 10 ms on one thread, 7 ms on two). Returns the rest, in order.
     */
    private List<StagedEntry> copyFromWorkingTree(List<StagedEntry> entries, ObjIntConsumer<RepoFile> arrived) {
        var copied = new AtomicIntegerArray(entries.size());
        var next = new AtomicInteger();
        var failure = new AtomicReference<RuntimeException>();
        Runnable copier = () -> {
            try {
                for (int i = next.getAndIncrement(); i < entries.size() && failure.get() == null; i = next.getAndIncrement()) {
                    var entry = entries.get(i);
                    var copy = entry.symbolicLink() ? Optional.<byte[]>empty()
                            : WorkingTreeCopy.read(root, entry.path(), entry.blob(), INLINE_MAX_BLOB);
                    if (copy.isPresent()) {
                        var content = copy.get();
                        arrived.accept(new RepoFile(entry.path(), content.length, () -> content), entry.position());
                        copied.set(i, 1);
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        };
        var helpers = new ArrayList<Thread>();
        int cores = Runtime.getRuntime().availableProcessors();
        int copiers = Math.max(1, Math.min(MAX_COPIERS, ResidentJvm.isThisOne() ? cores : cores / 2));
        for (int i = 1; i < copiers && i * 64 < entries.size(); i++) {
            var helper = new Thread(copier, "mlexp-staged-copy-" + i);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        copier.run();
        try {
            for (var helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            helpers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while reading the staged files", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        var rest = new ArrayList<StagedEntry>();
        for (int i = 0; i < entries.size(); i++) {
            if (copied.get(i) == 0) {
                rest.add(entries.get(i));
            }
        }
        return rest;
    }

    private Process startBatch() {
        return GitCommand.start(root, ProcessBuilder.Redirect.DISCARD, "cat-file", "--batch");
    }

    /**
     * Reads the entries through the running batch: {@code SHA blob SIZE LF CONTENT LF} each. Returns
     * where it stopped: after the first blob too large to stream, or at the end.
     */
    private int streamUntilLarge(List<StagedEntry> entries, ObjIntConsumer<RepoFile> arrived) {
        var running = java.util.Objects.requireNonNull(batch, "the batch is started before it is read");
        var out = new CatFileOutput(running.getInputStream());
        ask(running, entries);
        try {
            for (int i = 0; i < entries.size(); i++) {
                var entry = entries.get(i);
                long size = out.nextSize(entry.path());
                if (size > INLINE_MAX_BLOB) {
                    batch.destroy();
                    arrived.accept(onDemand(entry, size), entry.position());
                    return i + 1;
                }
                var content = out.content((int) size);
                arrived.accept(new RepoFile(entry.path(), size, () -> content), entry.position());
            }
            return entries.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged content from git: " + e.getMessage(), e);
        }
    }

    /**
     * What follows a large blob, where more may come (a folder of images): the sizes of all from one
     * {@code cat-file --batch-check}, then the contents of the small ones from one batch, so that no
     * large blob is read unless a rule asks, and none costs a process of its own.
     */
    private void readRest(List<StagedEntry> rest, ObjIntConsumer<RepoFile> arrived) {
        var sizes = new long[rest.size()];
        var sizing = GitCommand.start(root, ProcessBuilder.Redirect.DISCARD, "cat-file", "--batch-check");
        try {
            var out = new CatFileOutput(sizing.getInputStream());
            ask(sizing, rest);
            for (int i = 0; i < rest.size(); i++) {
                sizes[i] = out.nextSize(rest.get(i).path());
            }
            var small = new ArrayList<StagedEntry>();
            for (int i = 0; i < rest.size(); i++) {
                if (sizes[i] <= INLINE_MAX_BLOB) {
                    small.add(rest.get(i));
                }
            }
            batch = startBatch();
            var contents = new CatFileOutput(batch.getInputStream());
            ask(batch, small);
            for (int i = 0; i < rest.size(); i++) {
                var entry = rest.get(i);
                if (sizes[i] > INLINE_MAX_BLOB) {
                    arrived.accept(onDemand(entry, sizes[i]), entry.position());
                } else {
                    var content = contents.content((int) contents.nextSize(entry.path()));
                    arrived.accept(new RepoFile(entry.path(), sizes[i], () -> content), entry.position());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged content from git: " + e.getMessage(), e);
        } finally {
            sizing.destroy();
        }
    }

    /** Writes the entries' IDs to {@code cat-file}: from another thread, so that its full output pipe cannot block us both. */
    private static void ask(Process catFile, List<StagedEntry> entries) {
        var names = new Thread(() -> {
            try (var stdin = new BufferedOutputStream(catFile.getOutputStream(), 1 << 16)) {
                for (var entry : entries) {
                    stdin.write(entry.blob().getBytes(StandardCharsets.US_ASCII));
                    stdin.write('\n');
                }
            } catch (IOException e) {
                // the batch was stopped at a large blob, or git went; the reading side tells which
            }
        }, "git-cat-file-names");
        names.setDaemon(true);
        names.start();
    }

    private RepoFile onDemand(StagedEntry entry, long size) {
        return new RepoFile(entry.path(), size, () -> content(entry.blob()));
    }

    private synchronized byte[] content(String blob) {
        try {
            if (onDemand == null) {
                onDemand = startBatch();
                onDemandOut = new CatFileOutput(onDemand.getInputStream());
                onDemandIn = onDemand.getOutputStream();
            }
            var in = java.util.Objects.requireNonNull(onDemandIn);
            var out = java.util.Objects.requireNonNull(onDemandOut);
            in.write((blob + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
            return out.content(Math.toIntExact(out.nextSize(blob)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged content from git: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (batch != null) {
            batch.destroy();
        }
        if (onDemand != null && onDemandIn != null) {
            try {
                onDemandIn.close();
            } catch (IOException e) {
                // git has gone already; nothing of ours is lost
            }
            onDemand.destroy();
        }
    }
}
