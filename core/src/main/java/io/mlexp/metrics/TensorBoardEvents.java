package io.mlexp.metrics;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.TensorProto;

/**
 * The scalars of TensorBoard event files ({@code events.out.tfevents.*}), as PyTorch's {@code SummaryWriter},
 * TensorFlow and Lightning's TensorBoard logger write them: {@code Event} records with {@code Summary} values, read with
 * TensorFlow's own message classes. A value is a scalar when it is a {@code simple_value} (older writers, PyTorch) or
 * a one-element numeric {@code tensor} (newer writers), and its tag's plugin is none or {@code scalars}. Events of the
 * same step that follow each other make one {@link Sample}.
 */
public final class TensorBoardEvents {
    private static final Set<String> SCALAR_PLUGINS = Set.of("", "scalars");

    /** What a reading found besides its samples: the steps' wall times, and a record that ended it early. */
    public record Read(long events, double firstWallTime, double lastWallTime, Optional<Finding> problem) {
        /** Seconds from the first to the last event that held a scalar; 0 when fewer than two did. */
        public double wallSeconds() {
            return Double.isNaN(firstWallTime) ? 0 : lastWallTime - firstWallTime;
        }
    }

    private final String displayName;
    private final Consumer<Sample> each;
    private final Set<String> otherPlugins = new HashSet<>();
    private Map<String, Double> pending = new LinkedHashMap<>();
    private long pendingStep;
    private long events;
    private double firstWallTime = Double.NaN;
    private double lastWallTime = Double.NaN;
    private Optional<Finding> problem = Optional.empty();

    private TensorBoardEvents(String displayName, Consumer<Sample> each) {
        this.displayName = displayName;
        this.each = each;
    }

    /** Reads one event file; the samples are handed to {@code each} as they are read. */
    public static Read forEach(Path file, String displayName, Consumer<Sample> each) {
        var reading = new TensorBoardEvents(displayName, each);
        var ended = TfRecords.forEach(file, displayName, reading::record);
        reading.flush();
        return new Read(reading.events, reading.firstWallTime, reading.lastWallTime, reading.problem.or(() -> ended));
    }

    /**
     * The event files of a TensorBoard run directory, in the order of their names, which begin with the writer's start
     * time: a resumed run, or a writer per process, leaves several.
     */
    public static List<Path> eventFiles(Path directory) {
        try (var files = Files.list(directory)) {
            return files.filter(file -> MetricsFormat.isEventFileName(file.getFileName().toString())
                            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private void record(byte[] bytes, int offset, int length, long fileOffset) {
        if (problem.isPresent()) {
            return;
        }
        Event event;
        try {
            event = Event.parser().parseFrom(bytes, offset, length);
        } catch (InvalidProtocolBufferException e) {
            problem = Optional.of(Finding.warning("metrics-record", SourceLocation.of(displayName),
                    "the record at byte " + fileOffset + " is not a TensorBoard event: " + e.getMessage())
                    .withHint("its checksums hold, so the writer wrote it so; the events before it are used"));
            return;
        }
        events++;
        if (!event.hasSummary()) {
            return; // the file version, graphs, session logs
        }
        if (!pending.isEmpty() && event.getStep() != pendingStep) {
            flush();
        }
        boolean scalar = false;
        for (var value : event.getSummary().getValueList()) {
            if (isScalar(value)) {
                pending.put(value.getTag(), scalarValue(value));
                scalar = true;
            }
        }
        if (scalar) {
            if (Double.isNaN(firstWallTime)) {
                firstWallTime = event.getWallTime();
            }
            lastWallTime = event.getWallTime();
            pendingStep = event.getStep();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            each.accept(new Sample(pendingStep, pending, SourceLocation.of(displayName)));
            pending = new LinkedHashMap<>();
        }
    }

    private boolean isScalar(Summary.Value value) {
        if (value.hasMetadata()) {
            var plugin = value.getMetadata().getPluginData().getPluginName();
            if (!SCALAR_PLUGINS.contains(plugin)) {
                otherPlugins.add(value.getTag()); // only a tag's first value names its plugin
            }
        }
        return switch (value.getValueCase()) {
            case SIMPLE_VALUE -> otherPlugins.isEmpty() || !otherPlugins.contains(value.getTag());
            case TENSOR -> !otherPlugins.contains(value.getTag()) && tensorScalar(value.getTensor()).isPresent();
            default -> false;
        };
    }

    private static double scalarValue(Summary.Value value) {
        return value.getValueCase() == Summary.Value.ValueCase.SIMPLE_VALUE ? value.getSimpleValue()
                : tensorScalar(value.getTensor()).orElseThrow();
    }

    /** The one number of a scalar tensor, from its typed field or its raw little-endian content. */
    static Optional<Double> tensorScalar(TensorProto tensor) {
        for (var dimension : tensor.getTensorShape().getDimList()) {
            if (dimension.getSize() != 1) {
                return Optional.empty();
            }
        }
        var content = tensor.getTensorContent();
        return switch (tensor.getDtype()) {
            case DT_FLOAT -> tensor.getFloatValCount() == 1 ? Optional.of((double) tensor.getFloatVal(0)) : raw(content, 4, DataType.DT_FLOAT);
            case DT_DOUBLE -> tensor.getDoubleValCount() == 1 ? Optional.of(tensor.getDoubleVal(0)) : raw(content, 8, DataType.DT_DOUBLE);
            case DT_HALF -> tensor.getHalfValCount() == 1 ? Optional.of((double) halfToFloat(tensor.getHalfVal(0)))
                    : raw(content, 2, DataType.DT_HALF);
            case DT_BFLOAT16 -> tensor.getHalfValCount() == 1 ? Optional.of((double) Float.intBitsToFloat(tensor.getHalfVal(0) << 16))
                    : raw(content, 2, DataType.DT_BFLOAT16);
            case DT_INT32, DT_INT16, DT_INT8, DT_UINT8, DT_UINT16 -> tensor.getIntValCount() == 1
                    ? Optional.of((double) tensor.getIntVal(0)) : Optional.empty();
            case DT_INT64 -> tensor.getInt64ValCount() == 1 ? Optional.of((double) tensor.getInt64Val(0)) : raw(content, 8, DataType.DT_INT64);
            default -> Optional.empty();
        };
    }

    private static Optional<Double> raw(ByteString content, int width, DataType type) {
        if (content.size() != width) {
            return Optional.empty();
        }
        var bytes = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return Optional.of(switch (type) {
            case DT_FLOAT -> (double) bytes.getFloat();
            case DT_DOUBLE -> bytes.getDouble();
            case DT_HALF -> (double) halfToFloat(bytes.getShort() & 0xffff);
            case DT_BFLOAT16 -> (double) Float.intBitsToFloat((bytes.getShort() & 0xffff) << 16);
            default -> (double) bytes.getLong();
        });
    }

    /** An IEEE 754 half-precision number (Float.float16ToFloat needs Java 20). */
    static float halfToFloat(int bits) {
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        float magnitude = exponent == 0 ? mantissa * 0x1p-24f
                : exponent == 0x1f ? (mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN)
                : (1 + mantissa / 1024f) * (float) Math.scalb(1.0, exponent - 15);
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }
}
