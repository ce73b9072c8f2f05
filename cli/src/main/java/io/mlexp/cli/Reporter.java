package io.mlexp.cli;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Prints what a command found, in colour or not, as text or JSON, and maps failures to exit codes.
 * The picocli commands and the hook entry both print through it, so a hook and {@code mlexp check}
 * say the same thing the same way.
 */
record Reporter(PrintWriter out, PrintWriter err, boolean colour, boolean json, boolean debug) {

    /** ANSI styles by name: {@code "red"}, {@code "red,bold"}, {@code "faint"}. */
    String colour(String styles, String text) {
        if (!colour) {
            return text;
        }
        var codes = new StringBuilder();
        for (var style : styles.split(",")) {
            codes.append(codes.isEmpty() ? "" : ";").append(switch (style.strip()) {
                case "bold" -> "1";
                case "faint" -> "2";
                case "red" -> "31";
                case "green" -> "32";
                case "yellow" -> "33";
                default -> throw new IllegalArgumentException("unknown style " + style);
            });
        }
        return "\u001B[" + codes + "m" + text + "\u001B[0m";
    }

    /**
     * Prints a check's findings (JSON, or one line each and then {@code summary: ok|N problem(s)}
     * when a summary is given) and returns the exit code they call for.
     */
    int report(List<Finding> unsorted, @Nullable String summary) {
        var findings = unsorted.stream().sorted(Finding.BY_LOCATION).toList();
        boolean failed = findings.stream().anyMatch(Finding::isError);
        if (json) {
            out.println(io.mlexp.run.RunJson.findings(findings));
        } else {
            printFindings(findings);
            if (summary != null) {
                out.println(Finding.printable(summary) + ": " + (findings.isEmpty() ? colour("green", "ok")
                        : colour(failed ? "red" : "yellow", findings.size() + " problem(s)")));
            }
        }
        out.flush();
        return failed ? ExitCodes.VIOLATIONS : ExitCodes.OK;
    }

    void printFindings(List<Finding> findings) {
        for (var finding : findings) {
            var line = finding.format();
            out.println(finding.isError() ? colour("red", line) : colour("yellow", line));
        }
    }

    /** Bad input exits 2 with every finding, the environment 3 with its message, anything else 3 in one line. */
    int failure(Exception exception) {
        int code;
        if (exception instanceof InvalidInputException invalid) {
            var findings = invalid.findings().stream().sorted(Finding.BY_LOCATION).toList();
            findings.forEach(finding -> err.println(finding.format()));
            if (json) {
                out.println(io.mlexp.run.RunJson.findings(findings)); // scripts read standard output
                out.flush();
            }
            code = ExitCodes.BAD_INPUT;
        } else if (exception instanceof EnvironmentException environment) {
            err.println("mlexp: " + environment.getMessage());
            code = ExitCodes.ENVIRONMENT;
        } else {
            err.println("mlexp: internal error: " + exception + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                exception.printStackTrace(err);
            }
            code = ExitCodes.ENVIRONMENT;
        }
        err.flush();
        return code;
    }
}
