package io.mlexp.record;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordConfig;
import io.mlexp.files.RepoFile;
import io.mlexp.util.RepoPaths;
import io.mlexp.util.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validates records: each with {@link RecordRules}, and the IDs of those checked against every record
 * of {@code record.dir}. Records are read from the working tree or from a revision's files.
 */
public final class RecordCheck {
    /** What a check found: the records it validated and the problems. */
    public record Result(List<String> checked, List<Finding> findings) {
        public Result {
            checked = List.copyOf(checked);
            findings = List.copyOf(findings);
        }

        public boolean failed() {
            return findings.stream().anyMatch(Finding::isError);
        }
    }

    public static final long MAX_RECORD_BYTES = 1024 * 1024;
    private static final Set<String> NOT_RECORDS = Set.of("readme.md", "index.md", "template.md");

    private final RecordConfig config;
    private final RecordRules rules;
    private final RecordParser parser = new RecordParser();

    public RecordCheck(RecordConfig config) {
        this.config = config;
        this.rules = new RecordRules(config);
    }

    /** Where records live, as {@code record.dir} says. */
    public String directory() {
        return config.dir();
    }

    /**
     * Whether a repository path is an experiment record: Markdown under {@code record.dir}, other than
     * a README, an index, a template, or a file whose name starts with {@code _} or {@code .}.
     */
    public boolean isRecord(String path) {
        var dir = config.dir().replaceAll("^\\./|/+$", "");
        var name = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith(dir + "/") && name.toLowerCase(Locale.ROOT).endsWith(".md")
                && !NOT_RECORDS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith("_") && !name.startsWith(".");
    }

    /** The repository paths of every record in the working tree of {@code repositoryRoot}, sorted. */
    public List<String> everyRecord(Path repositoryRoot) {
        var root = repositoryRoot.toAbsolutePath().normalize();
        var dir = RepoPaths.inside(root, "record.dir", config.dir());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var walk = Files.walk(dir)) {
            return walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) // a link could lead out of the repository
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(this::isRecord)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Validates {@code paths} (repository-relative) in the working tree of {@code repositoryRoot}. */
    public Result workingTree(Path repositoryRoot, List<String> paths) {
        var root = repositoryRoot.toAbsolutePath().normalize();
        var all = everyRecord(root).stream()
                .map(path -> new RepoFile(path, root.resolve(path).toFile().length(), () -> read(root.resolve(path))))
                .toList();
        var requested = new ArrayList<RepoFile>();
        for (var path : paths) {
            var file = root.resolve(path).normalize();
            var display = file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : path;
            requested.add(new RepoFile(display, file.toFile().length(), () -> read(file)));
        }
        return check(requested, all, RepoReader.workingTree(root));
    }

    /**
     * Validates {@code files} against {@code everyRecord} (for unique IDs), reading configs from
     * {@code repository}.
     */
    public Result check(List<RepoFile> files, List<RepoFile> everyRecord, RepoReader repository) {
        var findings = new ArrayList<Finding>();
        var checked = new ArrayList<ExperimentRecord>();
        for (var file : files) {
            try {
                var record = parser.parse(text(file), file.path());
                checked.add(record);
                findings.addAll(rules.check(record, repository));
            } catch (InvalidInputException e) {
                findings.addAll(e.findings());
            }
        }
        var checkedPaths = checked.stream().map(ExperimentRecord::path).toList();
        Predicate<String> isChecked = checkedPaths::contains;
        var others = new ArrayList<ExperimentRecord>();
        for (var file : everyRecord.stream().sorted(Comparator.comparing(RepoFile::path)).toList()) {
            if (!isChecked.test(file.path())) {
                try {
                    others.add(parser.parse(text(file), file.path()));
                } catch (InvalidInputException e) {
                    // unreadable records that were not asked for are reported when they are checked
                }
            }
        }
        others.addAll(checked); // a clash is reported on the record being checked, not on the older one
        rules.uniqueIds(others).stream()
                .filter(finding -> isChecked.test(finding.location().file()))
                .forEach(findings::add);
        return new Result(checkedPaths, findings);
    }

    private static String text(RepoFile file) {
        if (file.size() > MAX_RECORD_BYTES) {
            throw InvalidInputException.of("record-too-large", SourceLocation.of(file.path()),
                    "is " + file.size() + " bytes; a record is at most " + MAX_RECORD_BYTES + " bytes");
        }
        return TextFiles.decodeUtf8(file.content().get(), file.path());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw InvalidInputException.of("record-missing", SourceLocation.of(file.toString()), "no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
