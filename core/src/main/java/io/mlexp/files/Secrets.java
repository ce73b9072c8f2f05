package io.mlexp.files;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Finds private keys and access tokens of well-known shapes in text files. */
final class Secrets {
    /**
     * A kind of secret: its pattern, and the plain texts one of which every match holds. Most files hold
     * none of them, and are passed without running the pattern (Git's matcher does the same for globs).
     */
    private record Shape(String name, Pattern pattern, List<String> clues) {
        Shape(String name, String pattern, String... clues) {
            this(name, Pattern.compile(pattern), List.of(clues));
        }

        boolean mayMatch(String text) {
            for (var clue : clues) {
                if (text.contains(clue)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("private key", "-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----", "-----BEGIN "),
            new Shape("AWS access key ID", "\\b(AKIA|ASIA)[0-9A-Z]{16}\\b", "AKIA", "ASIA"),
            new Shape("AWS secret access key", "(?i:aws_?secret_?access_?key|secretaccesskey)['\"]?[^\\S\\n]*[=:,][^\\S\\n]*['\"]?"
                    + "[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])|\\b(?:AKIA|ASIA)[0-9A-Z]{16}['\"]?[^\\S\\n]*[,:;=|][^\\S\\n]*['\"]?[A-Za-z0-9/+]{40}"
                    + "(?![A-Za-z0-9/+])", "AKIA", "ASIA", "ecret", "ECRET"),
            new Shape("GitHub token", "\\bgh[pousr]_[A-Za-z0-9]{36,}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}",
                    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
            new Shape("GitLab token", "\\bglpat-[A-Za-z0-9_-]{20,}", "glpat-"),
            new Shape("Slack token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}", "xox"),
            new Shape("Google API key", "\\bAIza[0-9A-Za-z_-]{35}\\b", "AIza"),
            new Shape("Hugging Face token", "\\bhf_[A-Za-z]{34}\\b", "hf_"),
            new Shape("OpenAI key", "\\bsk-(proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|\\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}",
                    "T3BlbkFJ", "sk-proj-", "sk-svcacct-", "sk-admin-"),
            new Shape("Jupyter token", "[?&]token=[0-9a-f]{48}\\b", "token="),
            new Shape("Weights & Biases key", "WANDB_API_KEY[^\\S\\n]*[=:][^\\S\\n]*['\"]?[0-9a-f]{40}\\b", "WANDB_API_KEY"));
    private static final int MAX_SCANNED_BYTES = 2 * 1024 * 1024;

    private Secrets() {
    }

    static List<Finding> scan(RepoFile file) {
        if (file.size() > MAX_SCANNED_BYTES) {
            return List.of();
        }
        var bytes = file.content().get();
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return List.of(); // binary
            }
        }
        // each shape runs once over the whole text, none of them across a line end; a line reports the
        // first match of each shape, and findings come in line order
        var text = new String(bytes, StandardCharsets.UTF_8);
        var found = new ArrayList<Found>();
        for (int shape = 0; shape < SHAPES.size(); shape++) {
            if (!SHAPES.get(shape).mayMatch(text)) {
                continue;
            }
            var matcher = SHAPES.get(shape).pattern().matcher(text);
            int lastLine = 0;
            var lines = new LineCounter(text);
            while (matcher.find()) {
                int lineStart = text.lastIndexOf('\n', matcher.start() - 1) + 1;
                int line = lines.lineAt(lineStart);
                if (line != lastLine) {
                    lastLine = line;
                    found.add(new Found(line, shape, Finding.error("file-secret",
                            new SourceLocation(file.path(), line, matcher.start() - lineStart + 1),
                            "looks like " + article(SHAPES.get(shape).name()) + " " + SHAPES.get(shape).name() + ": '"
                                    + redact(matcher.group()) + "'")
                            .withHint("remove it, revoke it, and load it from the environment or a secret store")));
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(Found::line).thenComparingInt(Found::shape));
        return found.stream().map(Found::finding).toList();
    }

    private record Found(int line, int shape, Finding finding) {
    }

    /** Line numbers of positions asked in increasing order: the text is read once, however many matches. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(int lineStart) {
            int next = text.indexOf('\n', position);
            while (next >= 0 && next < lineStart) {
                line++;
                next = text.indexOf('\n', next + 1);
            }
            position = next < 0 ? text.length() : next; // the first newline not counted yet
            return line;
        }
    }

    /** The names of the kinds of secret found, as README lists them. */
    static List<String> kinds() {
        return SHAPES.stream().map(Shape::name).toList();
    }

    private static String article(String name) {
        return "AEIOUaeiou".indexOf(name.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String redact(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 6) + "…" + "*".repeat(4);
    }
}
