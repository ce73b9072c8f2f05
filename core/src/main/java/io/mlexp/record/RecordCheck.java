package io.mlexp.record;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordConfig;
import io.mlexp.files.RepoFile;
import io.mlexp.util.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
     * Whether a repository path is an experiment record: Markdown or a Jupyter notebook under {@code record.dir}, or a
     * notebook {@code record.notebooks} names; never a README, an index, a template, a file whose name starts with
     * {@code _}, or anything in a folder whose name starts with {@code .} (Jupyter's {@code .ipynb_checkpoints}).
     */
    public boolean isRecord(String path) {
        var dir = config.dir().replaceAll("^\\./|/+$", "");
        var name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.startsWith("_") || NOT_RECORDS.contains(name) || path.startsWith(".") || path.contains("/.")) {
            return false;
        }
        boolean notebook = RecordSource.isNotebook(name);
        return (path.startsWith(dir + "/") && (name.endsWith(".md") || notebook))
                || (notebook && config.notebooks().stream().anyMatch(glob -> glob.matches(path)));
    }

    /** The repository paths of every record in the working tree of {@code repositoryRoot}, sorted. */
    public List<String> everyRecord(Path repositoryRoot) {
        var root = repositoryRoot.toAbsolutePath().normalize();
        var folders = new java.util.TreeSet<String>();
        folders.add(config.dir());
        config.notebooks().forEach(glob -> folders.add(fixedPrefix(glob.pattern())));
        var paths = new java.util.TreeSet<String>();
        for (var folder : folders) {
            var key = folder.equals(config.dir()) ? "dir" : "notebooks";
            var dir = RepoPaths.inside(root, config.where(key), "record." + key, folder.isEmpty() ? "." : folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var walk = Files.walk(dir)) {
                walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) // a link could lead out of the repository
                        .map(file -> root.relativize(file).toString().replace('\\', '/'))
                        .filter(this::isRecord)
                        .forEach(paths::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(paths);
    }

    /** The folders of a pattern before its first wildcard: where its files can be. */
    private static String fixedPrefix(String pattern) {
        var fixed = pattern.replaceAll("^/", "");
        int wildcard = fixed.length();
        for (var c : new char[] {'*', '?', '[', '{'}) {
            int at = fixed.indexOf(c);
            wildcard = at >= 0 ? Math.min(wildcard, at) : wildcard;
        }
        int slash = fixed.lastIndexOf('/', wildcard);
        return slash < 0 || !pattern.contains("/") ? "" : fixed.substring(0, slash);
    }

    /** Reads a record file, Markdown or notebook; its findings' locations go through {@link RecordSource#locate}. */
    public Read read(RepoFile file) {
        var source = RecordSource.of(file);
        return new Read(source, parse(source));
    }

    /** What the record of a source says. */
    public ExperimentRecord parse(RecordSource source) {
        return parser.parse(source.markdown(), source.path());
    }

    /**
     * The record of {@code id} in the working tree: {@code record.dir/ID.md} or {@code .ipynb}, else the record whose
     * title names it. Unreadable records are passed over.
     */
    public Optional<Read> find(Path repositoryRoot, String id) {
        var root = repositoryRoot.toAbsolutePath().normalize();
        var byName = List.of(config.dir() + "/" + id + ".md", config.dir() + "/" + id + ".ipynb");
        var candidates = new ArrayList<>(byName);
        everyRecord(root).stream().filter(path -> !byName.contains(path)).forEach(candidates::add);
        for (var path : candidates) {
            var file = RepoPaths.regularFileInside(root, path);
            if (file.isEmpty()) {
                continue;
            }
            try {
                var source = RecordSource.read(file.get(), path);
                var read = new Read(source, parse(source));
                if (read.record().id(config.idPattern().pattern()).filter(found -> found.text().equals(id)).isPresent()) {
                    return Optional.of(read);
                }
            } catch (InvalidInputException e) {
                // passed over: record check reports it
            }
        }
        return Optional.empty();
    }

    /** A record as read: its source (for locations) and what it says. */
    public record Read(RecordSource source, ExperimentRecord record) {
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
        var sources = new java.util.HashMap<String, RecordSource>();
        for (var file : files) {
            try {
                var read = read(file);
                checked.add(read.record());
                findings.addAll(read.source().locate(rules.check(read.record(), repository)));
                sources.put(file.path(), read.source());
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
                    others.add(read(file).record());
                } catch (InvalidInputException e) {
                    // unreadable records that were not asked for are reported when they are checked
                }
            }
        }
        others.addAll(checked); // a clash is reported on the record being checked, not on the older one
        rules.uniqueIds(others).stream()
                .filter(finding -> isChecked.test(finding.location().file()))
                .forEach(finding -> findings.addAll(java.util.Objects.requireNonNull(sources.get(finding.location().file()), "checked")
                        .locate(List.of(finding))));
        return new Result(checkedPaths, findings);
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
