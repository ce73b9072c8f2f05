package io.mlexp.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The broken inputs of {@link BrokenInputTest}: each format's valid sample put through the same
 * mutations (empty, truncated, invalid UTF-8, NUL bytes, 1 MB lines, CRLF, BOM, a directory), and
 * each format's own mistakes (wrong types, duplicate keys, bad values).
 */
final class BrokenInputs {
    /** Exit codes a case may end with: bad input, a violation, or (a valid file after all) success. */
    static final Set<Integer> REFUSED = Set.of(2);
    static final Set<Integer> VIOLATION = Set.of(1);
    static final Set<Integer> NOT_ACCEPTED = Set.of(1, 2);
    static final Set<Integer> ANY_VERDICT = Set.of(0, 1, 2);
    static final Set<Integer> ACCEPTED = Set.of(0);

    /** Where a format's file goes and the command that reads it. */
    enum Format {
        RULES(".mlexp.yml", BrokenInputs.RULES, "check", "config"),
        TRAINING_CONFIG("configs/train.yaml", "seed: 42\nlr: 0.001\nbatch_size: 64\nmodel:\n  hidden: 128\n  dropout: 0.1\n",
                "check", "configs"),
        RECORD("experiments/EXP-001.md", BrokenInputs.RECORD, "record", "check", "experiments/EXP-001.md"),
        COMMIT_MESSAGE("COMMIT_EDITMSG", "feat(data): add a loader for the digits set\n\nIt reads the PNG files lazily.\n",
                "check", "commit-msg", "COMMIT_EDITMSG"),
        METRICS_JSONL("metrics.jsonl", "{\"step\": 1, \"loss\": 2.3, \"accuracy\": 0.1}\n{\"step\": 2, \"loss\": 1.9, \"accuracy\": 0.3}\n",
                "history", "append", "--tag", "v1.0", "--commit", "abcdef1", "--history", "hist", "--metrics", "metrics.jsonl"),
        METRICS_CSV("metrics.csv", "epoch,step,train_loss,val_acc\n0,1,2.3,\n0,2,1.9,0.4\n",
                "history", "append", "--tag", "v1.0", "--commit", "abcdef1", "--history", "hist", "--metrics", "metrics.csv"),
        METRICS_JSON("metrics.json", "{\"loss\": 0.19, \"eval_accuracy\": 0.91}\n",
                "history", "append", "--tag", "v1.0", "--commit", "abcdef1", "--history", "hist", "--metrics", "metrics.json"),
        HISTORY_IMPORT("old.jsonl", "{\"schema\":1,\"tag\":\"v1.0\",\"commit\":\"abcdef1\",\"date\":\"2026-01-01T00:00:00Z\","
                + "\"context\":\"tag\",\"metrics\":{\"loss\":0.2}}\n",
                "history", "import", "--history", "hist", "old.jsonl"),
        DOCKERFILE("Dockerfile", "FROM python:3.11-slim@sha256:" + "a".repeat(64) + "\nRUN pip install torch\n",
                "check", "staged");

        final String path;
        final String valid;
        final List<String> command;

        Format(String path, String valid, String... command) {
            this.path = path;
            this.valid = valid;
            this.command = List.of(command);
        }

        /** How messages name the file. */
        String displayName() {
            return path;
        }

        boolean isYaml() {
            return path.endsWith(".yml") || path.endsWith(".yaml");
        }
    }

    /**
     * One broken input: what the file holds ({@code null}: a directory stands where the file should),
     * the exit codes it may end with, and the location its message must name, if any ({@code 3:7}).
     */
    record Case(String name, Format format, byte[] content, Set<Integer> exits, String location) {
        @Override
        public String toString() {
            return format + ": " + name;
        }
    }

    static final String RULES = """
            version: 1
            commits:
              types: [feat, fix, exp, docs]
              subject-max-length: 72
            configs:
              required: ["configs/*.yaml"]
              required-keys: [seed, lr, model.hidden]
            files:
              max-size: 5MB
            record:
              dir: experiments
            smoke:
              engine: local
              timeout: 10m
            """;

    static final String RECORD = """
            # EXP-001: Baseline MLP

            ## Goal
            A baseline.

            ## Hypothesis
            It learns.

            ## Hyperparameters
            | Parameter | Value |
            |---|---|
            | lr | 0.001 |

            ## Results
            | Metric | Value |
            |---|---|
            | loss | 0.19 |

            ## Conclusion
            It does.
            """;

    private BrokenInputs() {
    }

    static List<Case> all() {
        var cases = new ArrayList<Case>();
        for (var format : Format.values()) {
            cases.addAll(common(format));
        }
        cases.addAll(rules());
        cases.addAll(commitMessages());
        cases.addAll(records());
        cases.addAll(metrics());
        cases.addAll(dockerfiles());
        return cases;
    }

    /** The mutations every format goes through. */
    private static List<Case> common(Format format) {
        var valid = format.valid;
        var cases = new ArrayList<Case>();
        cases.add(text("valid sample", format, valid, ACCEPTED, null));
        cases.add(text("empty file", format, "", NOT_ACCEPTED, null));
        cases.add(text("only blank lines", format, "\n\n  \n\t\n", NOT_ACCEPTED, null));
        cases.add(text("only a byte order mark", format, "\uFEFF", NOT_ACCEPTED, null));
        cases.add(text("byte order mark, then the valid sample", format, "\uFEFF" + valid, ACCEPTED, null));
        cases.add(text("CRLF line ends", format, valid.replace("\n", "\r\n"), ACCEPTED, null));
        cases.add(text("CR line ends only", format, valid.replace("\n", "\r"), ANY_VERDICT, null));
        cases.add(new Case("a directory where the file should be", format, null, REFUSED, null));
        String[][] badUtf8 = {
            {"a lone continuation byte", "80"}, {"an overlong encoding of '/'", "c0af"}, {"a truncated 3-byte sequence", "e282"},
            {"a UTF-16 surrogate", "eda080"}, {"byte 0xFF", "ff"}, {"a code point above U+10FFFF", "f4908080"}};
        int line = secondLongLine(valid);
        for (var bad : badUtf8) {
            cases.add(new Case("invalid UTF-8 at " + line + ":3: " + bad[0], format, spliced(valid, line, 3, hex(bad[1])),
                    NOT_ACCEPTED, line + ":3"));
        }
        cases.add(new Case("invalid UTF-8 at 1:1", format, spliced(valid, 1, 1, hex("fe")), NOT_ACCEPTED, "1:1"));
        cases.add(new Case("a NUL byte at " + line + ":3", format, spliced(valid, line, 3, new byte[] {0}), NOT_ACCEPTED, line + ":3"));
        cases.add(new Case("a NUL byte at 1:1", format, spliced(valid, 1, 1, new byte[] {0}), NOT_ACCEPTED, "1:1"));
        cases.add(text("a 1 MB line after the sample", format, valid + "x".repeat(1024 * 1024) + "\n",
                format == Format.DOCKERFILE ? ANY_VERDICT : NOT_ACCEPTED, null)); // not an instruction, and under max-size
        cases.add(text("a 1 MB line without a line end", format, "y".repeat(1024 * 1024 + 1), NOT_ACCEPTED, null));
        cases.add(text("terminal escape sequences", format, valid + "\u001B[2J\u001B]0;pwned\u0007\n", ANY_VERDICT, null));
        var random = new Random(format.ordinal());
        for (int i = 0; i < 2; i++) {
            var garbage = new byte[512];
            random.nextBytes(garbage);
            cases.add(new Case("512 random bytes #" + (i + 1), format, garbage, NOT_ACCEPTED, null));
        }
        var bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut <= 7; cut++) {
            int length = bytes.length * cut / 8;
            cases.add(new Case("truncated to " + length + " of " + bytes.length + " bytes", format,
                    java.util.Arrays.copyOf(bytes, length), ANY_VERDICT, null));
        }
        return cases;
    }

    private static List<Case> rules() {
        var f = Format.RULES;
        var cases = new ArrayList<Case>();
        String[][] wrongValues = {
            // key path, value, line:column of the finding
            {"commits", "5", "2:10"}, {"commits", "[a, b]", "2:10"}, {"commits", "\"text\"", "2:10"},
            {"commits.types", "5", "3:10"}, {"commits.types", "{feat: 1}", "3:10"}, {"commits.types", "[[feat]]", "3:11"},
            {"commits.subject-max-length", "-1", "3:23"}, {"commits.subject-max-length", "0", "3:23"},
            {"commits.subject-max-length", "long", "3:23"}, {"commits.subject-max-length", "1.5", "3:23"},
            {"commits.subject-max-length", "99999999999999999999", "3:23"},
            {"commits.convention", "[gitmoji]", "3:16"}, {"commits.convention", "regex", "3:15"},
            {"files.max-size", "abc", "3:13"}, {"files.max-size", "-5MB", "3:13"}, {"files.max-size", "5XB", "3:13"},
            {"files.max-size", "[1]", "3:13"}, {"files.forbidden", "5", "3:14"}, {"files.forbidden", "[[a]]", "3:15"},
            {"configs.required-keys", "5", "3:18"}, {"configs.required-keys", "[\"\"]", "3:19"},
            {"configs.required-keys", "[{a: 1}]", "3:19"},
            {"record.id-pattern", "\"(\"", "3:15"}, {"record.id-pattern", "\"[\"", "3:15"}, {"record.id-pattern", "[a]", "3:15"},
            {"record.id-pattern", "\"(a)\\\\1\"", "3:15"}, {"record.id-pattern", "\"EXP-(?=\\\\d)\"", "3:15"},
            {"record.required-sections", "[goals]", "3:23"}, {"record.dir", "\"\"", "3:8"},
            {"smoke.engine", "gpu", "3:11"}, {"smoke.engine", "5", "3:11"}, {"smoke.timeout", "forever", "3:12"},
            {"smoke.timeout", "-1s", "3:12"}, {"smoke.timeout", "0s", "3:12"},
            {"smoke.gpus", "\"all --privileged\"", "3:9"}, {"smoke.gpus", "\"-1\"", "3:9"}, {"smoke.gpus", "\"device=\"", "3:9"},
            {"smoke.network", "\"host; rm -rf /\"", "3:12"}, {"smoke.network", "\"--privileged\"", "3:12"},
            {"smoke.expect", "5", "3:11"}, {"smoke.expect.loss-decrease", "lots", "4:20"},
            {"publish.gates", "{loss: 5}", "3:17"}, {"publish.gates", "{loss: {max-drop: abc}}", "3:28"},
            {"publish.metrics", "loss", "3:12"},
            // paths that leave the repository
            {"record.dir", "../../etc", "3:8"}, {"record.dir", "/etc", "3:8"}, {"record.dir", "~/records", "3:8"},
            {"record.dir", "a/../../b", "3:8"}, {"publish.history", "/var/lib/history", "3:12"},
            {"publish.history", "..", "3:12"}, {"publish.history", "../../other-repo/.mlexp/history", "3:12"},
            {"smoke.embedded.model", "/etc/passwd", "4:12"}, {"smoke.embedded.model", "../model.pt", "4:12"},
            // image references that could pass for options, or that move
            {"smoke.image", "pytorch/pytorch", "3:10"}, {"smoke.image", "pytorch/pytorch:latest", "3:10"},
            {"smoke.image", "\"-v/:/host\"", "3:10"}, {"smoke.image", "\"a b:1\"", "3:10"},
            {"smoke.image", "\"x@sha256:short\"", "3:10"}, {"smoke.image", "\"x:tag with space\"", "3:10"},
            {"smoke.image", "\"x:\"", "3:10"}, {"smoke.image", "\"\"", "3:10"}, {"smoke.image", "\"x@md5:abc\"", "3:10"},
            {"smoke.image", "\"x;rm -rf /:1\"", "3:10"}, {"smoke.image", "\"$(id):1\"", "3:10"},
            {"smoke.image", "[a, b]", "3:10"},
        };
        for (var wrong : wrongValues) {
            cases.add(text(wrong[0] + ": " + wrong[1], f, nested(wrong[0], wrong[1]), REFUSED, wrong[2]));
        }
        cases.add(text("version: \"1\"", f, "version: \"1\"\n", REFUSED, "1:10"));
        cases.add(text("version: 2", f, "version: 2\n", REFUSED, "1:10"));
        cases.add(text("version: [1]", f, "version: [1]\n", REFUSED, "1:10"));
        cases.add(text("version missing", f, "commits:\n  subject-max-length: 50\n", REFUSED, null));
        cases.add(text("a list at the top", f, "- version: 1\n", REFUSED, "1:1"));
        cases.add(text("a scalar at the top", f, "version 1\n", REFUSED, "1:1"));
        cases.add(text("an unknown top-level key", f, "version: 1\ncommit:\n  types: [feat]\n", REFUSED, "2:1"));
        cases.add(text("an unknown nested key", f, "version: 1\ncommits:\n  typos: [feat]\n", REFUSED, "3:3"));
        cases.add(text("a duplicate top-level key", f, "version: 1\ncommits: {}\ncommits: {}\n", REFUSED, "3:1"));
        cases.add(text("a duplicate nested key", f, "version: 1\ncommits:\n  types: [feat]\n  types: [fix]\n", REFUSED, "4:3"));
        cases.add(text("a tab for indentation", f, "version: 1\ncommits:\n\ttypes: [feat]\n", REFUSED, "3:1"));
        cases.add(text("an unclosed flow sequence", f, "version: 1\ncommits:\n  types: [feat, fix\n", REFUSED, "4:1"));
        cases.add(text("an unclosed quote", f, "version: 1\nrecord:\n  dir: \"experiments\n", REFUSED, null));
        cases.add(text("a second document", f, "version: 1\n---\nversion: 1\n", REFUSED, "3:1"));
        cases.add(text("a merge key", f, "version: 1\nbase: &b {dir: x}\nrecord:\n  <<: *b\n", REFUSED, null));
        cases.add(text("an alias to no anchor", f, "version: 1\nrecord: *nothing\n", REFUSED, "2:9"));
        cases.add(text("a Java type tag", f, "version: 1\nrecord: !!javax.script.ScriptEngineManager [x]\n", REFUSED, null));
        cases.add(text("a key of 100,000 characters", f, "version: 1\n" + "k".repeat(100_000) + ": 1\n", REFUSED, null));
        cases.add(text("billion laughs", f, billionLaughs(), REFUSED, null));
        cases.add(text("10,000 nested flow sequences", f, "version: 1\nx: " + "[".repeat(10_000) + "\n", REFUSED, null));
        cases.add(text("10,000 nested flow mappings", f, "version: 1\nx: " + "{k: ".repeat(10_000) + "\n", REFUSED, null));
        cases.add(text("10,000 nested block sequences", f, "version: 1\nx:\n  " + "- ".repeat(10_000) + "a\n", REFUSED, null));
        return cases;
    }

    private static List<Case> commitMessages() {
        var f = Format.COMMIT_MESSAGE;
        var cases = new ArrayList<Case>();
        String[][] messages = {
            {"WIP: loader", "1:1"}, {"wip", "1:1"}, {"feat:", "1:1"}, {"feat: ", "1:1"}, {"feature: add a loader", "1:1"},
            {"feat(: add a loader", "1:1"}, {"feat!!: add a loader", "1:1"}, {"feat: add a loader.", "1:19"},
            {"feat: " + "a".repeat(200), "1:73"}, {"feat: add a loader\nno blank line", "2:1"},
            {"feat: add a loader\n\n" + "word ".repeat(30), "3:101"}, {"exp: try a smaller batch", "1:1"},
            {"[exp] try a smaller batch", "1:1"}, {"add a loader", "1:1"}, {": add a loader", "1:1"},
            {"feat : add a loader", "1:1"}, {"Feat: add a loader", "1:1"}, {"feat(data)add a loader", "1:1"},
            {"# only a comment\n# and another", null}, {"\n\n\n", null},
            {"\u202Efeat: add a loader", "1:1"}, {"feat:\tadd a loader", "1:1"},
        };
        for (var message : messages) {
            cases.add(text("message '" + message[0].lines().findFirst().orElse("").replaceAll("(.{40}).+", "$1…") + "'",
                    f, message[0] + "\n", VIOLATION, message[1]));
        }
        cases.add(text("10 MB message", f, "feat: add a loader\n\n" + "word ".repeat(2 * 1024 * 1024) + "\n", REFUSED, null));
        // Git strips comment lines before it stores a message, and so does the hook before the 1 MiB limit applies
        cases.add(text("1,000,000 comment lines", f, "feat: add a loader\n" + "# c\n".repeat(1_000_000), ACCEPTED, null));
        return cases;
    }

    private static List<Case> records() {
        var f = Format.RECORD;
        var cases = new ArrayList<Case>();
        String[][] records = {
            {"no title", RECORD.replace("# EXP-001: Baseline MLP\n", ""), null},
            {"a title without an ID", RECORD.replace("# EXP-001: Baseline MLP", "# Baseline MLP"), "1:"},
            {"an ID that is not the file's", RECORD.replace("EXP-001", "EXP-002"), "1:"},
            {"no Goal section", RECORD.replace("## Goal\nA baseline.\n", ""), null},
            {"an empty Results section", RECORD.replace("| Metric | Value |\n|---|---|\n| loss | 0.19 |\n", ""), null},
            {"a section of template comments only", RECORD.replace("It does.", "<!-- what did you learn? -->"), null},
            {"front matter that does not parse", "---\nconfig: [configs/base.yaml\n---\n" + RECORD, "2:"},
            {"front matter naming /etc/passwd", "---\nconfig: /etc/passwd\n---\n" + RECORD, null},
            {"front matter naming ../../etc/passwd", "---\nconfig: ../../etc/passwd\n---\n" + RECORD, null},
            {"front matter naming a missing config", "---\nconfig: configs/none.yaml\n---\n" + RECORD, null},
        };
        for (var record : records) {
            cases.add(text(record[0], f, record[1], VIOLATION, record[2]));
        }
        // front matter the record check reads only for 'config:', and a table it cannot check without a config: warnings
        cases.add(text("front matter with a billion laughs", f, "---\n" + billionLaughs().replace("version: 1\n", "") + "---\n" + RECORD,
                ACCEPTED, null));
        cases.add(text("front matter that is a list", f, "---\n- a\n- b\n---\n" + RECORD, ACCEPTED, null));
        String[][] pathological = {
            {"100,000 opening brackets", "[".repeat(100_000) + "\n"},
            {"100,000 backticks", "`".repeat(100_000) + "\n"},
            {"50,000 emphasis markers", "*_".repeat(50_000) + "\n"},
            {"a table of 10,000 columns", "|" + "a|".repeat(10_000) + "\n|" + "-|".repeat(10_000) + "\n"},
            {"100,000 link references", "[a]: /u\n".repeat(100_000)},
        };
        for (var record : pathological) {
            cases.add(text(record[0], f, RECORD + "\n" + record[1], ANY_VERDICT, null));
        }
        // commonmark-java nests at most 100 levels and reads the rest as text: a valid record, read in milliseconds
        cases.add(text("10,000 nested block quotes", f, RECORD + "\n" + ">".repeat(10_000) + " deep\n", ACCEPTED, null));
        cases.add(text("10,000 nested lists", f, RECORD + "\n" + "- ".repeat(10_000) + "item\n", ACCEPTED, null));
        cases.add(text("1,000 lists nested by indentation", f, RECORD + "\n" + nestedByIndentation(1_000), ACCEPTED, null));
        return cases;
    }

    private static List<Case> metrics() {
        var cases = new ArrayList<Case>();
        String[][] jsonLines = {
            {"{\"loss\": }", "1:"}, {"[1, 2]", "1:"}, {"\"loss\"", "1:"}, {"null", "1:"}, {"{\"loss\": 1}{\"loss\": 2}", "1:"},
            {"{\"loss\": 1,}", "1:"}, {"{'loss': 1}", "1:"}, {"{\"loss\": 1} // comment", "1:"},
            {"{\"step\": 1, \"loss\": 1, \"loss\": 2}", "1:"}, {"{\"loss\": \"high\"}", null},
            {"{\"loss\": 1}\n{\"loss\": ", "2:"}, {"[".repeat(10_000), "1:"}, {"{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "1:"},
        };
        for (var line : jsonLines) {
            cases.add(text("line '" + line[0].replaceAll("(.{30}).+", "$1…") + "'", Format.METRICS_JSONL, line[0] + "\n", REFUSED, line[1]));
        }
        String[][] csv = {
            {"epoch,step,train_loss\n", null}, {"step,loss\n1,abc\n", "2:3"}, {"step,loss\n1,2,3\n", "2:5"},
            {"step,loss,loss\n1,2,3\n", "1:11"}, {"step,loss\n\"1,2\n", "2:1"}, {"step;loss\n1;2\n", "2:1"},
            {"step,loss\n1,0x1G\n", "2:3"}, {"step,loss\n1,1e\n", "2:3"},
        };
        for (var table : csv) {
            cases.add(text("table '" + table[0].replace("\n", "⏎") + "'", Format.METRICS_CSV, table[0], REFUSED, table[1]));
        }
        String[][] json = {
            {"[1, 2]", "1:"}, {"\"loss\"", "1:"}, {"{}", null}, {"{\"loss\": [1, 2]}", null}, {"{\"loss\": {\"a\": 1}}", null},
            {"{\"loss\": 1", null}, {"{\"loss\": 1, \"loss\": 2}", "1:"}, 
        };
        cases.add(text("document '{\"loss\": 1e999999999999}'", Format.METRICS_JSON, "{\"loss\": 1e999999999999}\n", ANY_VERDICT, null));
        for (var document : json) {
            cases.add(text("document '" + document[0] + "'", Format.METRICS_JSON, document[0] + "\n", REFUSED, document[1]));
        }
        String[][] history = {
            {"{\"tag\": \"v1\"}", "1:"}, {"{\"schema\": 99, \"tag\": \"v1\"}", "1:"}, {"not json", "1:"},
            {Format.HISTORY_IMPORT.valid + "{\"schema\":1,\"tag\":\"v2\"", "2:"},
            {Format.HISTORY_IMPORT.valid.replace("abcdef1", "zzz"), "1:"},
            {Format.HISTORY_IMPORT.valid.replace("2026-01-01T00:00:00Z", "yesterday"), "1:"},
            {Format.HISTORY_IMPORT.valid.replace("{\"loss\":0.2}", "{\"loss\":\"x\"}"), "1:"},
        };
        for (var entries : history) {
            cases.add(text("entries '" + entries[0].replaceAll("(.{30}).+", "$1…").replace("\n", "⏎") + "'",
                    Format.HISTORY_IMPORT, entries[0] + "\n", REFUSED, entries[1]));
        }
        return cases;
    }

    private static List<Case> dockerfiles() {
        var cases = new ArrayList<Case>();
        String[] images = {"pytorch/pytorch", "pytorch/pytorch:latest", "pytorch/pytorch:2.5.1", "\"-v/:/host\"", "x@sha256:short",
            "--platform=linux/amd64 pytorch/pytorch:latest", "scratch:1", "x:tag@sha256:" + "g".repeat(64)};
        for (var image : images) {
            cases.add(text("FROM " + image, Format.DOCKERFILE, "FROM " + image + "\nRUN true\n", VIOLATION, "1:"));
        }
        return cases;
    }

    private static Case text(String name, Format format, String content, Set<Integer> exits, String location) {
        return new Case(name, format, content.getBytes(StandardCharsets.UTF_8), exits, location);
    }

    private static String nestedByIndentation(int depth) {
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append("  ".repeat(i)).append("- item\n");
        }
        return text.toString();
    }

    /** {@code version: 1} and the key path's sections, with {@code value} under the last key. */
    private static String nested(String path, String value) {
        var keys = path.split("\\.");
        var text = new StringBuilder("version: 1\n");
        for (int i = 0; i < keys.length; i++) {
            text.append("  ".repeat(i)).append(keys[i]).append(':').append(i == keys.length - 1 ? " " + value : "").append('\n');
        }
        return text.toString();
    }

    /** The first line after the first that has at least three characters (or 1). */
    private static int secondLongLine(String text) {
        var lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].length() >= 3) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The bytes of {@code text} with {@code inserted} at a line and column (from 1). */
    private static byte[] spliced(String text, int line, int column, byte[] inserted) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        var before = text.substring(0, offset + column - 1).getBytes(StandardCharsets.UTF_8);
        var after = text.substring(offset + column - 1).getBytes(StandardCharsets.UTF_8);
        var bytes = new byte[before.length + inserted.length + after.length];
        System.arraycopy(before, 0, bytes, 0, before.length);
        System.arraycopy(inserted, 0, bytes, before.length, inserted.length);
        System.arraycopy(after, 0, bytes, before.length + inserted.length, after.length);
        return bytes;
    }

    private static byte[] hex(String digits) {
        var bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    static String billionLaughs() {
        var text = new StringBuilder("version: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            text.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                text.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            text.append("]\n");
        }
        return text.toString();
    }
}
