package io.mlexp.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/** The formats of metrics logs mlexp reads, known by a file's name and, where the name does not tell, by its first bytes. */
public enum MetricsFormat {
    JSON_LINES("JSON lines"),
    CSV("CSV"),
    JSON("JSON"),
    TENSORBOARD("TensorBoard");

    private static final int HEAD_BYTES = 64;

    private final String displayName;

    MetricsFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether a file's name marks it as a TensorBoard event file ({@code events.out.tfevents.…}). */
    public static boolean isEventFileName(String fileName) {
        return fileName.contains("tfevents");
    }

    /** The format of {@code file}: by its name ({@code .csv}, {@code .json}, {@code .jsonl}, {@code tfevents}), else by its content. */
    public static MetricsFormat of(Path file) {
        var name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (isEventFileName(name)) {
            return TENSORBOARD;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        return byContent(file);
    }

    private static MetricsFormat byContent(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return JSON_LINES; // never opened here (a FIFO would wait forever); the reader that follows refuses it
        }
        var head = new byte[HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return JSON_LINES; // the reader that follows says what is wrong with the file
        }
        if (TfRecords.startsWithRecord(head, length)) {
            return TENSORBOARD;
        }
        var text = new String(head, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        if (text.startsWith("{")) {
            return JSON_LINES;
        }
        if (text.startsWith("[")) {
            return JSON;
        }
        int lineEnd = text.indexOf('\n');
        return (lineEnd < 0 ? text : text.substring(0, lineEnd)).contains(",") ? CSV : JSON_LINES;
    }
}
