package io.mlexp.files;

import io.mlexp.check.EnvironmentException;
import io.mlexp.git.GitCommand;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What is staged for the next commit, read through the {@code git} command rather than JGit, for two
 * reasons. It is the pre-commit hook's own view: {@code git commit -a} and {@code git commit PATH} stage
 * into a temporary index named by {@code GIT_INDEX_FILE}, which only git itself honours everywhere.
 * And it is fast: two short git processes cost less than JGit's first repository open (~70 ms).
 *
 * <p>{@code git diff --cached} lists the files; one {@code git cat-file --batch}, started while the
 * diff runs, streams their contents, and each file is handed on as soon as its content is in, so that
 * rules can check it while git reads the next. A blob over {@link #INLINE_MAX_BLOB} (a model staged by
 * mistake) is not streamed: its process stops there; a {@code cat-file --batch-check} then sizes the
 * rest, a fresh batch reads the small ones, and a large blob is read only if a rule asks for it.</p>
 */
public final class StagedFiles implements AutoCloseable {
    static final long INLINE_MAX_BLOB = 1L << 20;
    private static final String[] DIFF = {"diff", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev",
        "--no-ext-diff", "--ignore-submodules=all", "--diff-filter=ACMT"};
    private static final String GITLINK_MODE = "160000";

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

    /** Files added, modified, copied or renamed (under their new name) in the index against HEAD. */
    public List<RepoFile> list() {
        var files = new ArrayList<RepoFile>();
        read(files::add);
        return files;
    }

    /**
     * Hands each staged file to {@code arrived}, in Git's order, as soon as its content is read; this
     * is where memory is bounded: {@code arrived} may block until the files before have been checked.
     */
    public void read(Consumer<RepoFile> arrived) {
        var diff = GitCommand.startReading(root, DIFF);
        batch = startBatch(); // git starts it while the diff runs
        var entries = entries(GitCommand.output(diff, root, DIFF));
        int next = streamUntilLarge(entries, arrived);
        batch.destroy();
        if (next < entries.size()) {
            readRest(entries.subList(next, entries.size()), arrived);
        }
    }

    private Process startBatch() {
        return GitCommand.start(root, ProcessBuilder.Redirect.DISCARD, "cat-file", "--batch");
    }

    private record Entry(String path, String blob) {
    }

    /** {@code :oldmode newmode oldsha newsha status NUL path NUL}, repeated; submodules left out. */
    private static List<Entry> entries(byte[] raw) {
        var entries = new ArrayList<Entry>();
        int start = 0;
        while (start < raw.length) {
            int headerEnd = indexOf(raw, 0, start);
            int pathEnd = indexOf(raw, 0, headerEnd + 1);
            int newMode = indexOf(raw, ' ', start) + 1;
            int oldId = indexOf(raw, ' ', newMode) + 1;
            int newId = indexOf(raw, ' ', oldId) + 1;
            int status = indexOf(raw, ' ', newId) + 1;
            if (status >= headerEnd) {
                throw new EnvironmentException("git diff --cached wrote what mlexp cannot read: '"
                        + new String(raw, start, headerEnd - start, StandardCharsets.UTF_8) + "'");
            }
            if (!new String(raw, newMode, oldId - 1 - newMode, StandardCharsets.US_ASCII).equals(GITLINK_MODE)) {
                entries.add(new Entry(new String(raw, headerEnd + 1, pathEnd - headerEnd - 1, StandardCharsets.UTF_8),
                        new String(raw, newId, status - 1 - newId, StandardCharsets.US_ASCII)));
            }
            start = pathEnd + 1;
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, int value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return bytes.length;
    }

    /**
     * Reads the entries through the running batch: {@code SHA blob SIZE LF CONTENT LF} each. Returns
     * where it stopped: after the first blob too large to stream, or at the end.
     */
    private int streamUntilLarge(List<Entry> entries, Consumer<RepoFile> arrived) {
        var running = java.util.Objects.requireNonNull(batch, "the batch is started before it is read");
        var out = new CatFileOutput(running.getInputStream());
        ask(running, entries);
        try {
            for (int i = 0; i < entries.size(); i++) {
                var entry = entries.get(i);
                long size = out.nextSize(entry.path());
                if (size > INLINE_MAX_BLOB) {
                    batch.destroy();
                    arrived.accept(onDemand(entry, size));
                    return i + 1;
                }
                var content = out.content((int) size);
                arrived.accept(new RepoFile(entry.path(), size, () -> content));
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
    private void readRest(List<Entry> rest, Consumer<RepoFile> arrived) {
        var sizes = new long[rest.size()];
        var sizing = GitCommand.start(root, ProcessBuilder.Redirect.DISCARD, "cat-file", "--batch-check");
        try {
            var out = new CatFileOutput(sizing.getInputStream());
            ask(sizing, rest);
            for (int i = 0; i < rest.size(); i++) {
                sizes[i] = out.nextSize(rest.get(i).path());
            }
            var small = new ArrayList<Entry>();
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
                    arrived.accept(onDemand(entry, sizes[i]));
                } else {
                    var content = contents.content((int) contents.nextSize(entry.path()));
                    arrived.accept(new RepoFile(entry.path(), sizes[i], () -> content));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged content from git: " + e.getMessage(), e);
        } finally {
            sizing.destroy();
        }
    }

    /** Writes the entries' IDs to {@code cat-file}: from another thread, so that its full output pipe cannot block us both. */
    private static void ask(Process catFile, List<Entry> entries) {
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

    private RepoFile onDemand(Entry entry, long size) {
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
