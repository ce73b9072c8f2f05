package io.mlexp.check;

/**
 * The machine cannot run a check: no Docker engine, missing history in a shallow clone,
 * a capability that is not built yet. The CLI exits 3 on it; the message says what to do.
 */
public class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
