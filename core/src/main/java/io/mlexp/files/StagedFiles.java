package io.mlexp.files;

import io.mlexp.check.EnvironmentException;
import io.mlexp.git.GitCommand;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What is staged for the next commit, read through the {@code git} command rather than JGit, for two
 * reasons. It is the pre-commit hook's own view: {@code git commit -a} and {@code git commit PATH} stage
 * into a temporary index named by {@code GIT_INDEX_FILE}, which only git itself honours everywhere.
 * And it is fast: three short git processes cost less than JGit's first repository open (~70 ms).
 * Contents come from {@code git cat-file --batch}: the small blobs all at once (the rules read nearly
 * every one of them), any larger one only when a rule asks for it.
 */
public final class StagedFiles implements AutoCloseable {
    private static final long PREFETCH_MAX_BLOB = 1L << 20;
    private static final long PREFETCH_BUDGET = 32L << 20;

    private final Path root;
    private final java.util.Map<String, byte[]> prefetched = new java.util.HashMap<>();
    private Process contents;
    private InputStream contentOut;
    private OutputStream contentIn;

    private StagedFiles(Path root) {
        this.root = root;
    }

    public static StagedFiles open(Path repositoryRoot) {
        return new StagedFiles(repositoryRoot);
    }

    /** Files added, modified, copied or renamed (under their new name) in the index against HEAD. */
    public List<RepoFile> list() {
        var raw = GitCommand.output(root, null, "diff", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev",
                "--no-ext-diff", "--ignore-submodules=all", "--diff-filter=ACMT");
        var entries = parseRaw(raw);
        if (entries.isEmpty()) {
            return List.of();
        }
        var ids = new StringBuilder();
        entries.forEach(entry -> ids.append(entry.blob()).append('\n'));
        var sizes = new String(GitCommand.output(root, ids.toString(), "cat-file", "--batch-check"),
                StandardCharsets.US_ASCII).split("\n");
        var files = new ArrayList<RepoFile>(entries.size());
        var prefetch = new StringBuilder();
        long budget = PREFETCH_BUDGET;
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            var header = sizes[i].split(" ");
            if (header.length != 3) {
                throw new EnvironmentException("git cat-file could not read the staged " + entry.path() + ": " + sizes[i]);
            }
            long size = Long.parseLong(header[2]);
            if (size <= PREFETCH_MAX_BLOB && size <= budget) {
                budget -= size;
                prefetch.append(entry.blob()).append('\n');
            }
            files.add(new RepoFile(entry.path(), size, () -> content(entry.blob())));
        }
        if (!prefetch.isEmpty()) {
            readAll(GitCommand.output(root, prefetch.toString(), "cat-file", "--batch"));
        }
        return files;
    }

    /** {@code SHA blob SIZE LF CONTENT LF}, repeated. */
    private void readAll(byte[] batch) {
        int at = 0;
        while (at < batch.length) {
            int lineEnd = at;
            while (batch[lineEnd] != '\n') {
                lineEnd++;
            }
            var header = new String(batch, at, lineEnd - at, StandardCharsets.US_ASCII).split(" ");
            if (header.length != 3) {
                throw new EnvironmentException("git cat-file could not read a staged blob: " + String.join(" ", header));
            }
            int size = Integer.parseInt(header[2]);
            prefetched.put(header[0], java.util.Arrays.copyOfRange(batch, lineEnd + 1, lineEnd + 1 + size));
            at = lineEnd + 1 + size + 1;
        }
    }

    private record Entry(String path, String blob) {
    }

    /** {@code :oldmode newmode oldsha newsha status NUL path NUL}, repeated; submodules left out. */
    private static List<Entry> parseRaw(byte[] raw) {
        var entries = new ArrayList<Entry>();
        int start = 0;
        while (start < raw.length) {
            int headerEnd = indexOf(raw, start);
            int pathEnd = indexOf(raw, headerEnd + 1);
            var header = new String(raw, start, headerEnd - start, StandardCharsets.US_ASCII).split(" ");
            var path = new String(raw, headerEnd + 1, pathEnd - headerEnd - 1, StandardCharsets.UTF_8);
            if (!header[1].equals("160000")) {
                entries.add(new Entry(path, header[3]));
            }
            start = pathEnd + 1;
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }

    private synchronized byte[] content(String blob) {
        var bytes = prefetched.get(blob);
        if (bytes != null) {
            return bytes;
        }
        try {
            if (contents == null) {
                contents = GitCommand.start(root, ProcessBuilder.Redirect.DISCARD, "cat-file", "--batch");
                contentOut = new BufferedInputStream(contents.getInputStream(), 1 << 16);
                contentIn = contents.getOutputStream();
            }
            contentIn.write((blob + "\n").getBytes(StandardCharsets.US_ASCII));
            contentIn.flush();
            var header = readLine(contentOut).split(" ");
            if (header.length != 3) {
                throw new EnvironmentException("git cat-file could not read blob " + blob);
            }
            bytes = contentOut.readNBytes(Math.toIntExact(Long.parseLong(header[2])));
            contentOut.read(); // the newline after the content
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged content from git: " + e.getMessage(), e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("git cat-file ended early");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (contents != null) {
            try {
                contentIn.close();
            } catch (IOException e) {
                // git has gone already; nothing of ours is lost
            }
            contents.destroy();
        }
    }
}
