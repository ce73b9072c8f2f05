package io.mlexp.check;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that mlexp cannot use: a broken config, a malformed file, a bad argument.
 * Carries every finding, each naming file, line and column. The CLI exits 2 on it.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public InvalidInputException(List<Finding> findings) {
        super(findings.stream().map(Finding::format).collect(Collectors.joining(System.lineSeparator())));
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one finding");
        }
        this.findings = List.copyOf(findings);
    }

    public InvalidInputException(Finding finding) {
        this(List.of(finding));
    }

    public static InvalidInputException of(String ruleId, SourceLocation location, String message) {
        return new InvalidInputException(Finding.error(ruleId, location, message));
    }

    public List<Finding> findings() {
        return findings;
    }
}
