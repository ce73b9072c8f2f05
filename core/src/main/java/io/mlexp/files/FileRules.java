package io.mlexp.files;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.ConfigSources;
import io.mlexp.config.Glob;
import io.mlexp.config.MlexpConfig;
import io.mlexp.config.TrainingConfigRules;
import io.mlexp.image.Dockerfiles;
import io.mlexp.image.LocalImages;
import io.mlexp.util.TextFiles;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The rules for files about to be committed ({@code files:}, and the YAML configs of {@code configs:}). */
public final class FileRules {
    private final MlexpConfig config;
    private final TrainingConfigRules trainingConfigs;
    private final ConfigSources configSources;
    /** The images the repository builds, read only when a Dockerfile's FROM would otherwise be refused. */
    private final java.util.function.Supplier<LocalImages> localImages;

    /** The rules for files judged alone: a training config's bases are not read. */
    public FileRules(MlexpConfig config) {
        this(config, ConfigSources.NONE);
    }

    private FileRules(MlexpConfig config, ConfigSources configSources) {
        this.config = config;
        this.trainingConfigs = new TrainingConfigRules(config.configs());
        this.configSources = configSources;
        this.localImages = memoized(() -> LocalImages.of(configSources.covered(), configSources::read));
    }

    private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> supplier) {
        return new java.util.function.Supplier<>() {
            private @Nullable T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** The rules for a pre-commit check of the repository at {@code root}: a config's bases come from its working tree. */
    public static FileRules forWorkingTree(MlexpConfig config, java.nio.file.Path root) {
        return new FileRules(config, RepoConfigSources.workingTree(root));
    }

    /** Below this size, a file in a data folder is a fixture or a label map, not a data set. */
    static final long SMALL_FILE = 64 * 1024;
    private static final java.util.Set<String> CODE_AND_DOCS = java.util.Set.of("py", "pyi", "ipynb", "md", "rst", "txt", "sh",
            "yaml", "yml", "toml", "cfg", "ini", "c", "cc", "cpp", "h", "hpp", "cu", "cuh", "java", "js", "ts", "html", "css");

    /**
     * Whether a file that a folder pattern ({@code ** /data/**}) matches is what the data is described with rather than
     * data: source code, docs and configs by their type, or, in a data folder, a fixture under 64 KiB. A file-type
     * pattern ({@code *.pt}) forbids every file of its type, wherever it is.
     */
    private static boolean describesData(Glob glob, RepoFile file) {
        if (!glob.pattern().endsWith("/**")) {
            return false;
        }
        var name = file.fileName();
        int dot = name.lastIndexOf('.');
        var type = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        var folder = glob.pattern().substring(0, glob.pattern().length() - 3);
        folder = folder.substring(folder.lastIndexOf('/') + 1);
        boolean dataFolder = folder.equals("data") || folder.equals("datasets") || folder.equals("dataset");
        return CODE_AND_DOCS.contains(type) || (dataFolder && file.size() < SMALL_FILE);
    }

    /** The findings of one file ({@link StagedCheck} checks many on every core). */
    public List<Finding> check(RepoFile file) {
        // loops rather than streams: this runs for every staged file, mostly before the JIT has compiled it
        var rules = config.files();
        for (var glob : rules.allowed()) {
            if (glob.matches(file.path())) {
                return List.of();
            }
        }
        var findings = new ArrayList<Finding>();
        for (var glob : rules.forbidden()) {
            if (glob.matches(file.path()) && !describesData(glob, file)) {
                findings.add(Finding.error("file-forbidden", SourceLocation.of(file.path()),
                        "matches files.forbidden pattern '" + glob + "'")
                        .withHint("weights, data and logs belong in storage, not Git: git rm --cached '" + file.path()
                                + "', or add the path to files.allowed"));
                break;
            }
        }
        if (file.size() > rules.maxSize().bytes() && !file.isLfsPointer()) {
            findings.add(Finding.error("file-too-large", SourceLocation.of(file.path()),
                    "is " + file.size() + " bytes, more than files.max-size " + rules.maxSize())
                    .withHint("track it with Git LFS or keep it out of the repository"));
        }
        if (!findings.isEmpty()) {
            return findings;
        }
        if (rules.secrets()) {
            findings.addAll(Secrets.scan(file));
        }
        findings.addAll(Notebooks.check(file, rules.notebookOutputs()));
        findings.addAll(Dependencies.check(file));
        if (Dockerfiles.isDockerfile(file.path())) {
            try {
                findings.addAll(Dockerfiles.check(file.path(), TextFiles.decodeUtf8(file.content().get(), file.path()),
                        config.smoke().pin(), localImages));
            } catch (InvalidInputException e) {
                findings.addAll(e.findings());
            }
        }
        if (trainingConfigs.covers(file.path())) {
            findings.addAll(trainingConfigs.check(file.path(), file.content().get(), configSources));
        }
        return findings;
    }
}
