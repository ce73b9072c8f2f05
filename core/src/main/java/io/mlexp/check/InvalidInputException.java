package io.mlexp.check;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that mlexp cannot use: a broken config, a malformed file, a bad argument.
 * Carries every finding, each naming file, line and column. The CLI exits 2 on it.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public InvalidInputException(List<Finding> findings) {
        super(message(findings));
        this.findings = List.copyOf(findings);
    }

    /** The findings, one a line; refused before anything is constructed when there are none. */
    private static String message(List<Finding> findings) {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one finding");
        }
        return findings.stream().map(Finding::format).collect(Collectors.joining(System.lineSeparator()));
    }

    /** Findings that restate {@code cause} where the user's input is, keeping it for {@code --debug}. */
    public InvalidInputException(List<Finding> findings, Throwable cause) {
        this(findings);
        initCause(cause);
    }

    public InvalidInputException(Finding finding) {
        this(List.of(finding));
    }

    public static InvalidInputException of(String ruleId, SourceLocation location, String message) {
        return new InvalidInputException(Finding.error(ruleId, location, message));
    }

    /** The same, keeping what went wrong underneath for {@code --debug}; users see the finding only. */
    public static InvalidInputException of(String ruleId, SourceLocation location, String message, Throwable cause) {
        var exception = new InvalidInputException(Finding.error(ruleId, location, message));
        exception.initCause(cause);
        return exception;
    }

    public List<Finding> findings() {
        return findings;
    }
}
