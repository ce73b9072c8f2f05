package io.mlexp.image;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code FROM} images of a Dockerfile with the same parser and pin policy as the smoke
 * runner. {@code ARG} defaults are substituted; earlier build stages and {@code scratch} are skipped.
 */
public final class Dockerfiles {
    private static final Pattern ARG = Pattern.compile("(?i)ARG\\s+(\\w+)(?:=(\"[^\"]*\"|'[^']*'|\\S*))?\\s*");
    private static final Pattern FROM = Pattern.compile("(?i)FROM\\s+((?:--\\w+=\\S+\\s+)*)(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)(?::-([^}]*))?}?");

    private Dockerfiles() {
    }

    /** Whether a path names a Dockerfile or Containerfile. */
    public static boolean isDockerfile(String path) {
        var name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals("dockerfile") || name.equals("containerfile") || name.startsWith("dockerfile.")
                || name.endsWith(".dockerfile");
    }

    public static List<Finding> check(String path, String text, PinPolicy policy) {
        return check(path, text, policy, LocalImages::none);
    }

    /**
     * The same, where an image the repository builds itself ({@link LocalImages}, asked for only when a {@code FROM}
     * would otherwise be refused) is no registry image and needs no pin.
     */
    public static List<Finding> check(String path, String text, PinPolicy policy, java.util.function.Supplier<LocalImages> local) {
        var findings = new ArrayList<Finding>();
        var args = new HashMap<String, String>();
        var stages = new HashSet<String>();
        var lines = text.replace("\r\n", "\n").split("\n", -1);
        boolean anyFrom = false;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            var line = new StringBuilder(lines[i].strip());
            while (line.toString().endsWith("\\") && i + 1 < lines.length) {
                line.setLength(line.length() - 1);
                line.append(' ').append(lines[++i].strip());
            }
            var instruction = line.toString();
            Matcher arg = ARG.matcher(instruction);
            if (arg.matches()) {
                args.put(arg.group(1), arg.group(2) == null ? null : substitute(unquoted(arg.group(2)), args)); // null: no default
                continue;
            }
            Matcher from = FROM.matcher(instruction);
            if (!from.matches()) {
                continue;
            }
            anyFrom = true;
            var location = new SourceLocation(path, number, lines[number - 1].indexOf(from.group(2)) + 1);
            var image = substitute(from.group(2), args);
            if (from.group(3) != null) {
                stages.add(from.group(3).toLowerCase(Locale.ROOT));
            }
            if (image.contains("$")) {
                findings.add(Finding.warning("dockerfile-unresolved", location,
                        "cannot check '" + from.group(2) + "': the variable has no default")
                        .withHint("give the ARG a pinned default"));
            } else if (!"scratch".equals(image) && !stages.contains(image.toLowerCase(Locale.ROOT))) {
                var found = new ArrayList<Finding>();
                checkImage(image, location, policy, found);
                if (!found.isEmpty() && !local.get().builds(image)) {
                    findings.addAll(found);
                }
            }
        }
        if (!anyFrom) {
            findings.add(Finding.error("dockerfile-no-from", SourceLocation.of(path),
                    "has no FROM instruction, so it names no base image and docker cannot build it"));
        }
        return findings;
    }

    private static void checkImage(String image, SourceLocation location, PinPolicy policy, List<Finding> findings) {
        try {
            policy.problem(ImageReference.parse(image)).ifPresent(problem ->
                    findings.add(Finding.error("dockerfile-unpinned", location, "FROM " + problem)));
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error("dockerfile-invalid-image", location, String.valueOf(e.getMessage())));
        }
    }

    /** A default as Docker reads it: {@code ARG V="1.8.1"} is 1.8.1. */
    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && ((value.startsWith("\"") && value.endsWith("\""))
                || (value.startsWith("'") && value.endsWith("'")));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    private static String substitute(String text, java.util.Map<String, String> args) {
        var matcher = VARIABLE.matcher(text);
        var result = new StringBuilder();
        while (matcher.find()) {
            var value = args.get(matcher.group(1));
            if ((value == null || value.isEmpty()) && matcher.group(2) != null) {
                value = matcher.group(2); // ${X:-default}
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
