package io.mlexp.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/** Jackson's parse errors, told without its internal source descriptions. */
public final class JsonErrors {
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(start marker at \\[Source: [^\\]]*\\][^)]*\\)|\\s*at \\[Source: [^\\]]*\\][^\\n]*");

    private JsonErrors() {
    }

    /** What is wrong, in one line: {@code not valid JSON: Unexpected end-of-input ...}. */
    public static String describe(JsonProcessingException e) {
        var message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return "not valid JSON: " + SOURCE.matcher(message).replaceAll("").lines().findFirst().orElse("").strip();
    }
}
