package io.mlexp.util;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;

/**
 * The JSON readers and writers of mlexp, one of each kind, configured once (Jackson's mappers are thread-safe). Each is
 * made at its first use: setting Jackson up would be a fifth of a hook that reads no JSON.
 */
public final class Json {
    private Json() {
    }

    /** For JSON mlexp writes and reads back itself. */
    public static JsonMapper mapper() {
        return Plain.MAPPER;
    }

    /** Indented output, for files people read ({@code smoke.json}, {@code report.json}, {@code --format json}). */
    public static ObjectWriter pretty() {
        return Plain.PRETTY;
    }

    /** For JSON from elsewhere: a key twice, or anything after the value, is an error rather than silently dropped. */
    public static JsonMapper strict() {
        return Strict.MAPPER;
    }

    /** {@link #strict()}, taking the {@code NaN} and {@code Infinity} Python's json module writes for non-finite floats. */
    public static JsonMapper python() {
        return Python.MAPPER;
    }

    private static final class Plain {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
        static final ObjectWriter PRETTY = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);
    }

    private static final class Strict {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static final class Python {
        static final JsonMapper MAPPER = Strict.MAPPER.rebuild().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    }

    /** JSON has no NaN: a non-finite number is written as its text ({@code "NaN"}), which the readers take back. */
    public static Object number(double value) {
        return Double.isFinite(value) ? value : String.valueOf(value);
    }

    /** {@link #number(double)} into {@code node}; a missing value is {@code null}. */
    public static void putNumber(ObjectNode node, String field, OptionalDouble value) {
        if (value.isEmpty()) {
            node.putNull(field);
        } else if (Double.isFinite(value.getAsDouble())) {
            node.put(field, value.getAsDouble());
        } else {
            node.put(field, String.valueOf(value.getAsDouble()));
        }
    }
}
