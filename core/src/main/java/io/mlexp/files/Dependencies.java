package io.mlexp.files;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.TextFiles;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import io.mlexp.yaml.YamlScalar;
import io.mlexp.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dependencies that name no exact version, in the files Python projects declare them in: {@code requirements*.txt}
 * (pip), {@code environment.yml} (conda, with its {@code pip:} list) and {@code pyproject.toml} (PEP 621 and 735
 * lists, Poetry tables). A run that installs {@code torch>=2.0} today trains on another torch than last month's.
 */
final class Dependencies {
    private static final Pattern REQUIREMENT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*\\])?\\s*(.*)");
    private static final Pattern EXACT = Pattern.compile("===?\\s*[^\\s,*;]+");
    private static final Pattern CONDA_EXACT = Pattern.compile("(?:==?)[^\\s,*<>=|]+(?:=[^\\s,*]+)?");
    private static final Pattern POETRY_EXACT = Pattern.compile("(?:==?)?\\s*\\d[^\\s,*^~<>|]*");
    private static final Pattern VCS_PINNED = Pattern.compile(".*@[0-9a-f]{7,40}(#.*)?|.*@v?\\d[\\w.]*(#.*)?");

    private Dependencies() {
    }

    /** Made at the first pyproject.toml: a pre-commit hook that stages none never pays for Jackson's TOML setup. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    static boolean declaresDependencies(String path) {
        var name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return (name.startsWith("requirements") && name.endsWith(".txt")) || name.equals("environment.yml")
                || name.equals("environment.yaml") || name.equals("pyproject.toml");
    }

    static List<Finding> check(RepoFile file) {
        if (!declaresDependencies(file.path())) {
            return List.of();
        }
        try {
            var text = TextFiles.decodeUtf8(file.content().get(), file.path());
            var name = file.fileName().toLowerCase(Locale.ROOT);
            if (name.endsWith(".txt")) {
                return requirements(file.path(), text);
            }
            return name.endsWith(".toml") ? pyproject(file.path(), text) : conda(file.path(), text);
        } catch (InvalidInputException e) {
            return e.findings().stream().map(finding -> Finding.warning("file-dependency-unreadable", finding.location(),
                    "the dependencies cannot be read: " + finding.message())).toList();
        }
    }

    /** pip's format: one requirement a line; options, includes, editable and local paths are not versions to pin. */
    private static List<Finding> requirements(String path, String text) {
        var findings = new ArrayList<Finding>();
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].replaceFirst("(^|\\s)#.*", "").replace("\\", "").stripTrailing();
            int indent = line.length() - line.stripLeading().length();
            line = line.strip();
            if (line.isEmpty() || line.startsWith("-") || line.startsWith(".") || line.startsWith("/")) {
                continue;
            }
            var where = new SourceLocation(path, i + 1, indent + 1);
            unpinnedRequirement(line).ifPresent(spec -> findings.add(unpinned(where, spec)));
        }
        return findings;
    }

    /** The requirement when it names no exact version (PEP 508: {@code name[extras] specifier ; marker}). */
    static java.util.Optional<String> unpinnedRequirement(String requirement) {
        var spec = requirement.split(";", 2)[0].replaceAll("\\s--hash=\\S+", "").strip();
        if (spec.contains("://")) {
            boolean vcs = spec.startsWith("git+") || spec.contains(" git+") || spec.contains("@ git+") || spec.startsWith("hg+");
            return vcs && !VCS_PINNED.matcher(spec).matches() ? java.util.Optional.of(spec) : java.util.Optional.empty();
        }
        var matcher = REQUIREMENT.matcher(spec);
        if (!matcher.matches()) {
            return java.util.Optional.empty();
        }
        var version = matcher.group(3).strip();
        return EXACT.matcher(version).matches() ? java.util.Optional.empty() : java.util.Optional.of(spec);
    }

    /** conda: {@code name=1.2.3} or {@code name==1.2.3[=build]} is pinned; a {@code pip:} list is pip's format. */
    private static List<Finding> conda(String path, String text) {
        var findings = new ArrayList<Finding>();
        var root = new YamlReader().parse(text, path).root();
        if (root.isEmpty() || !(root.get() instanceof YamlMapping mapping)) {
            return findings;
        }
        var dependencies = mapping.get("dependencies");
        if (dependencies.isEmpty() || !(dependencies.get() instanceof YamlSequence list)) {
            return findings;
        }
        for (var item : list.items()) {
            if (item instanceof YamlScalar scalar) {
                var spec = scalar.text().strip();
                var name = spec.replaceFirst("^[\\w.-]+::", "").split("[=<>!~ ]", 2)[0];
                var version = spec.replaceFirst("^[\\w.-]+::", "").substring(name.length()).strip();
                if (!"pip".equals(name) && !CONDA_EXACT.matcher(version).matches()) { // pip is the installer of the pip: list
                    findings.add(unpinned(scalar.location(), spec));
                }
            } else if (item instanceof YamlMapping pip && pip.get("pip").orElse(null) instanceof YamlSequence pipList) {
                for (var requirement : pipList.items()) {
                    if (requirement instanceof YamlScalar scalar) {
                        unpinnedRequirement(scalar.text()).ifPresent(spec -> findings.add(unpinned(scalar.location(), spec)));
                    }
                }
            }
        }
        return findings;
    }

    /** PEP 621 {@code project.dependencies} and optional ones, PEP 735 groups, and Poetry's tables; the build system's aside. */
    private static List<Finding> pyproject(String path, String text) {
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(text);
        } catch (JacksonException e) {
            var at = e.getLocation();
            return List.of(Finding.warning("file-dependency-unreadable", at == null ? SourceLocation.of(path)
                    : new SourceLocation(path, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr())),
                    "not valid TOML: " + e.getOriginalMessage()));
        }
        var lines = text.split("\n", -1);
        var findings = new ArrayList<Finding>();
        var lists = new ArrayList<JsonNode>();
        lists.add(root.at("/project/dependencies"));
        root.at("/project/optional-dependencies").forEach(lists::add);
        root.at("/dependency-groups").forEach(lists::add);
        for (var list : lists) {
            for (var requirement : list) {
                if (requirement.isTextual()) {
                    unpinnedRequirement(requirement.asText()).ifPresent(spec ->
                            findings.add(unpinned(locate(path, lines, "\"" + requirement.asText()), spec)));
                }
            }
        }
        var poetry = new ArrayList<JsonNode>();
        poetry.add(root.at("/tool/poetry/dependencies"));
        root.at("/tool/poetry/group").forEach(group -> poetry.add(group.path("dependencies")));
        for (var table : poetry) {
            table.fields().forEachRemaining(entry -> {
                var version = entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().path("version").asText("");
                boolean fromElsewhere = entry.getValue().has("git") || entry.getValue().has("path") || entry.getValue().has("url");
                if (!entry.getKey().equals("python") && !fromElsewhere && !POETRY_EXACT.matcher(version.strip()).matches()) {
                    findings.add(unpinned(locate(path, lines, entry.getKey()), entry.getKey() + " = \"" + version + "\""));
                }
            });
        }
        return findings;
    }

    /** The first line that holds {@code text}, at its column: TOML's parser keeps no places. */
    private static SourceLocation locate(String path, String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) {
            int column = lines[i].indexOf(text);
            if (column >= 0 && !lines[i].stripLeading().startsWith("#")) {
                return new SourceLocation(path, i + 1, column + 1);
            }
        }
        return SourceLocation.of(path);
    }

    private static Finding unpinned(SourceLocation where, String spec) {
        return Finding.warning("file-dependency-unpinned", where, "'" + Finding.printable(spec) + "' names no exact version")
                .withHint("pin it (torch==2.5.1; conda: torch=2.5.1), e.g. from pip freeze, so that every run installs the same");
    }
}
