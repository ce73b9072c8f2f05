package io.mlexp.metrics;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.tensorflow.proto.Event;

/**
 * TensorBoard event files written by an independent writer: {@code scripts/tfevents.py}, Python's protobuf serialising
 * TensorFlow's Event messages from the descriptors of tensorflow-core-native's classes, with its own TFRecord framing.
 * {@link #main} writes the descriptor set for the bench.
 */
public final class EventFileWriter {
    public static final Path SCRIPT = Path.of("src/test/resources/scripts/tfevents.py").toAbsolutePath();

    private EventFileWriter() {
    }

    public static void main(String[] args) throws IOException {
        writeDescriptors(Path.of(args[0]));
    }

    /** The FileDescriptorSet of tensorflow/core/util/event.proto and every file it imports, dependencies first. */
    public static Path writeDescriptors(Path file) throws IOException {
        var files = new LinkedHashMap<String, FileDescriptor>();
        add(Event.getDescriptor().getFile(), files);
        var set = FileDescriptorSet.newBuilder();
        files.values().forEach(descriptor -> set.addFile(descriptor.toProto()));
        Files.write(file, set.build().toByteArray());
        return file;
    }

    private static void add(FileDescriptor file, Map<String, FileDescriptor> files) {
        for (var dependency : file.getDependencies()) {
            add(dependency, files);
        }
        files.putIfAbsent(file.getName(), file);
    }

    /** A Python 3 with protobuf (Debian: python3-protobuf), or empty. */
    public static Optional<String> python() {
        return io.mlexp.examples.DigitsExampleTrainingTest.pythonWith("import google.protobuf.message_factory");
    }

    /** Runs {@code tfevents.py DESCRIPTORS write OUT STEPS OPTIONS...}; the descriptor set goes beside {@code out}. */
    public static Path write(String python, Path out, int steps, String... options) {
        try {
            var descriptors = writeDescriptors(out.resolveSibling("event-descriptors.pb"));
            var command = new ArrayList<>(List.of(python, SCRIPT.toString(), descriptors.toString(), "write", out.toString(), String.valueOf(steps)));
            command.addAll(List.of(options));
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("tfevents.py failed: " + output);
            }
            Files.delete(descriptors);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
