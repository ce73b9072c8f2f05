package io.mlexp.config;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.image.ImageReference;
import io.mlexp.image.PinPolicy;
import io.mlexp.rules.Rules;
import io.mlexp.util.DidYouMean;
import io.mlexp.yaml.YamlDocument;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Loads {@code .mlexp.yml}. Every problem in the file is found in one pass and reported together,
 * each with file, line and column; a file with any problem yields no config at all.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = ".mlexp.yml";

    private final YamlReader reader = new YamlReader();

    /** Loads a config file; {@code displayName} is how messages name it. */
    public MlexpConfig load(Path file, String displayName) {
        return bind(reader.read(file, displayName));
    }

    public MlexpConfig parse(String yaml, String displayName) {
        return bind(reader.parse(yaml, displayName));
    }

    private MlexpConfig bind(YamlDocument document) {
        var root = document.root().orElseThrow(() -> InvalidInputException.of("config-empty",
                SourceLocation.of(document.file()), "the config is empty; it needs at least 'version: 1'"));
        if (!(root instanceof YamlMapping mapping)) {
            throw InvalidInputException.of("config-type", root.location(),
                    "expected a mapping of sections (version, commits, files, ...), found " + root.describe());
        }
        var problems = new ArrayList<Finding>();
        var locations = new java.util.HashMap<String, SourceLocation>();
        var top = SectionReader.root(mapping, problems, locations);
        var version = version(top, document.file(), problems);
        var onViolation = top.choice("on-violation", MlexpConfig.OnViolation.class, MlexpConfig.OnViolation.FAIL);
        var commits = commits(top.section("commits"));
        var configs = configs(top.section("configs"));
        var files = files(top.section("files"));
        var record = record(top.section("record"), configs);
        var smoke = smoke(top.section("smoke"));
        var publish = publish(top.section("publish"));
        var rules = rules(top, problems);
        top.finish();
        var where = new ConfigLocations(document.file(), locations);
        var config = new MlexpConfig(version, onViolation, commits, configs, files, record.withLocations(where),
                smoke.toBuilder().locations(where).build(),
                publish, rules, where);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return config;
    }

    /** {@code rules:}: each key the ID of a registered rule, each value off, warning or error. */
    private static RuleSettings rules(SectionReader top, List<Finding> problems) {
        var levels = top.convertedByName("rules", RuleSettings.Level::parse);
        top.nameLocations("rules").forEach((id, where) -> {
            if (!Rules.ids().contains(id)) {
                problems.add(Finding.error("config-unknown-rule", where, "rules." + id + ": no rule has this ID")
                        .withHint(DidYouMean.closest(id, Rules.ids()).map(near -> "did you mean `" + near + "`?")
                                .orElse("'mlexp rules' lists them")));
                levels.remove(id);
            }
        });
        return new RuleSettings(levels);
    }

    private static int version(SectionReader top, String file, List<Finding> problems) {
        if (!top.has("version")) {
            problems.add(Finding.error("config-version", new SourceLocation(file, 1, 1),
                    "'version: 1' is required as the first key").withHint("add the line 'version: 1'"));
            return MlexpConfig.CURRENT_VERSION;
        }
        int version = top.integer("version", MlexpConfig.CURRENT_VERSION, 1);
        if (version != MlexpConfig.CURRENT_VERSION) {
            problems.add(Finding.error("config-version", top.locationOf("version"),
                    "version " + version + " is not supported; this mlexp reads version " + MlexpConfig.CURRENT_VERSION));
        }
        return version;
    }

    private static CommitsConfig commits(SectionReader section) {
        var defaults = CommitsConfig.defaults();
        var conventions = section.list("convention", defaults.conventions(), ConfigLoader::convention);
        var pattern = section.converted("pattern", Regex::compile);
        if (conventions.contains(CommitConvention.REGEX) && pattern.isEmpty() && !section.has("pattern")) {
            section.problem("convention",
                    "the 'regex' convention needs commits.pattern, the expression a subject must match");
        }
        var result = new CommitsConfig(conventions,
                section.strings("types", defaults.types()),
                section.positiveInt("subject-max-length", defaults.subjectMaxLength()),
                section.positiveInt("body-max-line-length", defaults.bodyMaxLineLength()),
                section.strings("experiment-id-required-for", defaults.experimentIdRequiredFor()),
                pattern,
                section.choice("subject-case", CommitsConfig.SubjectCase.class, defaults.subjectCase()),
                section.list("ignore", defaults.ignore(), Regex::compile),
                section.strings("scopes", defaults.scopes()));
        section.finish();
        return result;
    }

    private static CommitConvention convention(String text) {
        return word(text, CommitConvention.values(), CommitConvention::label, "convention");
    }

    /** The value whose label is {@code text}; otherwise an error naming the closest label. */
    private static <E> E word(String text, E[] values, java.util.function.Function<E, String> label, String what) {
        for (var value : values) {
            if (label.apply(value).equals(text)) {
                return value;
            }
        }
        var labels = java.util.Arrays.stream(values).map(label).toList();
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'; " + DidYouMean.hint(text, labels));
    }

    private static ConfigsConfig configs(SectionReader section) {
        var defaults = ConfigsConfig.defaults();
        var result = new ConfigsConfig(
                section.list("required", defaults.required(), Glob::compile),
                section.strings("required-keys", defaults.requiredKeys()));
        section.finish();
        return result;
    }

    private static FilesConfig files(SectionReader section) {
        var defaults = FilesConfig.defaults();
        var result = new FilesConfig(
                section.list("forbidden", defaults.forbidden(), Glob::compile),
                section.list("allowed", defaults.allowed(), Glob::compile),
                section.converted("max-size", DataSize::parse).orElse(defaults.maxSize()),
                section.choice("notebook-outputs", FilesConfig.Level.class, defaults.notebookOutputs()),
                section.bool("secrets", defaults.secrets()));
        section.finish();
        return result;
    }

    /** Unless the team lists its own, a change to any configured training config needs a record too. */
    private static RecordConfig record(SectionReader section, ConfigsConfig configs) {
        var defaults = RecordConfig.defaults();
        var triggers = new java.util.ArrayList<>(defaults.triggerPaths());
        configs.required().stream().filter(glob -> triggers.stream().noneMatch(trigger -> trigger.matches(ConfigAdvice.example(glob.pattern()))))
                .forEach(triggers::add);
        var result = new RecordConfig(
                section.repositoryPath("dir", defaults.dir()),
                section.converted("id-pattern", Regex::compile).orElse(defaults.idPattern()),
                section.list("required-sections", defaults.requiredSections(), ConfigLoader::recordSection),
                section.list("trigger-paths", triggers, Glob::compile),
                section.list("warnings", defaults.warnings(), ConfigLoader::recordConvention),
                section.list("notebooks", defaults.notebooks(), Glob::compile),
                claims(section.section("claims"), defaults.claims()), defaults.locations());
        section.finish();
        return result;
    }

    /** {@code record.claims}: the absolute and relative tolerance of a claimed result, neither negative. */
    private static RecordConfig.Tolerance claims(SectionReader section, RecordConfig.Tolerance defaults) {
        var absolute = section.number("absolute").orElse(defaults.absolute());
        var relative = section.number("relative").orElse(defaults.relative());
        if (absolute < 0) {
            section.problem("absolute", "expected a tolerance of 0 or more, such as 0.005, found " + absolute);
        }
        if (relative < 0 || relative >= 1) {
            section.problem("relative", "expected a fraction from 0 up to 1, such as 0.01 for 1%, found " + relative);
        }
        section.finish();
        return new RecordConfig.Tolerance(absolute, relative);
    }

    private static RecordConvention recordConvention(String text) {
        return word(text, RecordConvention.values(), RecordConvention::key, "warning");
    }

    private static RecordSection recordSection(String text) {
        return word(text, RecordSection.values(), RecordSection::key, "section");
    }

    private static SmokeConfig smoke(SectionReader section) {
        var defaults = SmokeConfig.defaults();
        var pin = section.choice("pin", PinPolicy.class, defaults.pin());
        Optional<ImageReference> image = section.converted("image", ImageReference::parse);
        image.flatMap(pin::problem).ifPresent(problem -> section.problem("image", problem));
        section.converted("image-tag-pattern", Regex::compile).ifPresent(scheme -> image.ifPresent(reference -> {
            if (reference.tag().filter(tag -> scheme.pattern().matcher(tag).matches()).isEmpty()) {
                section.problem("image", "the tag of " + reference + " does not follow smoke.image-tag-pattern /" + scheme.pattern().pattern()
                        + "/, the team's naming scheme");
            }
        }));
        var cli = section.nonBlankString("cli", defaults.cli());
        if (!List.of("docker", "podman").contains(cli)) {
            section.problem("cli", "expected docker or podman, found '" + cli + "'");
        }
        var result = defaults.toBuilder()
                .engine(section.choice("engine", SmokeConfig.Engine.class, defaults.engine()))
                .image(image)
                .pin(pin)
                .gpus(matching(section, "gpus", defaults.gpus(), GPUS, SmokeConfig.GPUS_FORMS))
                .network(matching(section, "network", defaults.network(), NETWORK, "none, host, bridge or a network's name"))
                .cli(cli)
                .command(section.nonBlankString("command", defaults.command()))
                .timeout(section.converted("timeout", Durations::parse).orElse(defaults.timeout()))
                .metrics(new SmokeConfig.MetricsSources(section.repositoryPaths("metrics", defaults.metrics().paths()),
                        section.convertedByName("stdout-metrics", ConfigLoader::outputPattern)))
                .expect(expect(section.section("expect"), defaults.expect()))
                .embedded(embedded(section.section("embedded"), defaults.embedded()))
                .container(new SmokeConfig.Container(mounts(section),
                        section.converted("shm-size", DataSize::parse), section.converted("memory", DataSize::parse),
                        cpus(section)))
                .build();
        section.finish();
        return result;
    }

    private static final Pattern MOUNT_PATH = Pattern.compile("/[A-Za-z0-9_.@+-]+(/[A-Za-z0-9_.@+-]+)*/?");

    /** {@code /data:/workspace/data} (read-only) or {@code /models:/workspace/models:rw}. */
    private static SmokeConfig.Mount mount(String text) {
        var parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("rw") && !parts[2].equals("ro"))) {
            throw new IllegalArgumentException("write HOST:CONTAINER, or HOST:CONTAINER:rw to let the run write, found '" + text + "'");
        }
        for (var path : new String[] {parts[0], parts[1]}) {
            if (!MOUNT_PATH.matcher(path).matches() || path.contains("/../") || path.endsWith("/..")) {
                throw new IllegalArgumentException("'" + path + "' is not an absolute path of letters, digits and ._@+- (no spaces, no '..')");
            }
        }
        if (parts[0].endsWith(".sock") || parts[0].contains("docker.sock") || parts[0].equals("/")) {
            throw new IllegalArgumentException("'" + parts[0] + "' would give the run the engine or the whole host; mount data, not sockets or /");
        }
        if (parts[1].equals(SmokeConfig.OUTPUT_MOUNT) || parts[1].equals(SmokeConfig.WORKSPACE_MOUNT)) {
            throw new IllegalArgumentException("'" + parts[1] + "' is where mlexp mounts the repository or its output; mount below it");
        }
        return new SmokeConfig.Mount(parts[0], parts[1], parts.length == 2 || parts[2].equals("ro"));
    }

    /** Each host path once: the engines key the mounts by it. */
    private static List<SmokeConfig.Mount> mounts(SectionReader section) {
        var mounts = section.list("mounts", List.<SmokeConfig.Mount>of(), ConfigLoader::mount);
        var hosts = new java.util.HashSet<String>();
        for (var mount : mounts) {
            if (!hosts.add(mount.host())) {
                section.problem("mounts", "'" + mount.host() + "' is mounted twice; mount it once");
            }
        }
        return mounts;
    }

    private static java.util.OptionalDouble cpus(SectionReader section) {
        var cpus = section.number("cpus");
        if (cpus.isPresent() && (cpus.getAsDouble() <= 0 || cpus.getAsDouble() > 1024)) {
            section.problem("cpus", "expected a number of CPUs above 0 and at most 1024, such as 4 or 1.5, found " + cpus.getAsDouble());
            return java.util.OptionalDouble.empty();
        }
        return cpus;
    }

    /** A pattern that finds a metric in a printed line: its group {@code value} holds the number. */
    private static Regex outputPattern(String text) {
        var regex = Regex.compile(text);
        var groups = regex.pattern().namedGroups().keySet();
        if (!groups.contains("value")) {
            throw new IllegalArgumentException("the pattern /" + text + "/ has no group named value for the number,"
                    + " as in '\\|\\s*loss\\s+(?P<value>[0-9.eE+-]+)'");
        }
        return regex;
    }

    /** Values that reach the container client as arguments: checked so that none can be read as a flag. */
    private static final Pattern GPUS = SmokeConfig.GPUS;
    private static final Pattern NETWORK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private static String matching(SectionReader section, String key, String defaultValue, Pattern pattern, String expected) {
        var value = section.nonBlankString(key, defaultValue);
        if (!pattern.matcher(value).matches()) {
            section.problem(key, "expected " + expected + ", found '" + value + "'");
            return defaultValue;
        }
        return value;
    }

    private static SmokeConfig.Expect expect(SectionReader section, SmokeConfig.Expect defaults) {
        var lossDecrease = section.has("loss-decrease") ? fraction(section, "loss-decrease") : defaults.lossDecrease();
        var bounds = new LinkedHashMap<String, SmokeConfig.Bounds>();
        section.sectionsByName("bounds").forEach((metric, limits) -> {
            bounds.put(metric, new SmokeConfig.Bounds(limits.number("min"), limits.number("max")));
            limits.finish();
        });
        var result = new SmokeConfig.Expect(
                section.bool("finite", defaults.finite()),
                lossDecrease,
                section.nonBlankString("loss-metric", defaults.lossMetric()),
                bounds);
        section.finish();
        return result;
    }

    private static OptionalDouble fraction(SectionReader section, String key) {
        var value = section.number(key);
        if (value.isPresent() && (value.getAsDouble() < 0 || value.getAsDouble() >= 1)) {
            section.problem(key,
                    "expected a fraction from 0 to below 1 (0.05 is 5%), found " + value.getAsDouble());
            return OptionalDouble.empty();
        }
        return value;
    }

    /** 64 MiB of floats: more is a mistake in a smoke run, and would exhaust memory before it failed. */
    private static final int MAX_BATCH_VALUES = 1 << 24;

    private static SmokeConfig.Embedded embedded(SectionReader section, SmokeConfig.Embedded defaults) {
        var shape = section.list("input-shape", defaults.inputShape(), ConfigLoader::dimension);
        if (shape.size() < 2) {
            section.problem("input-shape",
                    "expected a batch dimension and at least one feature dimension, such as [64, 784]");
        } else if (shape.stream().mapToDouble(Integer::doubleValue).reduce(1, (a, b) -> a * b) > MAX_BATCH_VALUES) {
            section.problem("input-shape", "a batch of " + shape + " holds more than " + MAX_BATCH_VALUES
                    + " values; a smoke batch should be small");
            shape = defaults.inputShape();
        }
        var result = new SmokeConfig.Embedded(
                section.repositoryPath("model", defaults.model()),
                shape,
                section.integer("classes", defaults.classes(), 2),
                section.positiveInt("steps", defaults.steps()),
                section.integer("seed", defaults.seed()),
                learningRate(section, defaults.learningRate()),
                section.integer("threads", defaults.threads(), 0),
                section.has("config") ? Optional.of(section.repositoryPath("config", "configs/smoke.yaml"))
                        : defaults.config());
        section.finish();
        return result;
    }

    private static double learningRate(SectionReader section, double defaultRate) {
        var value = section.number("learning-rate");
        if (value.isPresent() && !(value.getAsDouble() > 0 && value.getAsDouble() < 10)) {
            section.problem("learning-rate", "expected a positive learning rate such as 0.001, found " + value.getAsDouble());
            return defaultRate;
        }
        return value.orElse(defaultRate);
    }

    private static int dimension(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a positive whole number, found '" + text + "'");
    }

    private static PublishConfig publish(SectionReader section) {
        var defaults = PublishConfig.defaults();
        var gates = new LinkedHashMap<String, PublishConfig.Gate>();
        section.sectionsByName("gates").forEach((metric, gate) -> {
            gates.put(metric, new PublishConfig.Gate(gate.converted("max-drop", ConfigLoader::drop),
                    gate.number("min"), gate.number("max"), gate.location()));
            gate.finish();
        });
        var result = new PublishConfig(
                section.strings("metrics", defaults.metrics()),
                section.repositoryPath("history", defaults.history()),
                gates);
        section.finish();
        return result;
    }

    private static PublishConfig.Drop drop(String text) {
        var trimmed = text.trim();
        boolean relative = trimmed.endsWith("%");
        try {
            double amount = Double.parseDouble(relative ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (amount >= 0 && Double.isFinite(amount)) {
                return new PublishConfig.Drop(relative ? amount / 100 : amount, relative);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a non-negative amount (0.01) or percentage (2%), found '" + text + "'");
    }
}
