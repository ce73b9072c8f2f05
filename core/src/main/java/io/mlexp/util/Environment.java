package io.mlexp.util;

import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The environment variables of the command being run: the process's own, or, while the resident server answers a
 * request, the variables of the shell that asked ({@code GIT_INDEX_FILE} of the commit in progress, {@code NO_COLOR},
 * {@code COLUMNS}). Every read of a variable and every process mlexp starts goes through here.
 */
public final class Environment {
    private static volatile @Nullable Map<String, String> request;

    private Environment() {
    }

    public static @Nullable String get(String name) {
        var variables = request;
        return variables != null ? variables.get(name) : System.getenv(name);
    }

    public static Map<String, String> all() {
        var variables = request;
        return variables != null ? variables : System.getenv();
    }

    /** Gives a process about to start the command's environment rather than the JVM's. */
    public static ProcessBuilder applyTo(ProcessBuilder builder) {
        var variables = request;
        if (variables != null) {
            builder.environment().clear();
            builder.environment().putAll(variables);
        }
        return builder;
    }

    /** Runs {@code work} with {@code variables} as the environment; the server runs one request at a time. */
    @SuppressWarnings("PMD.UnusedAssignment") // get() reads the field while work runs
    public static synchronized <T> T with(Map<String, String> variables, Supplier<T> work) {
        var outer = request;
        request = Map.copyOf(variables);
        try {
            return work.get();
        } finally {
            request = outer;
        }
    }
}
