package io.mlexp.files;

import io.mlexp.check.Finding;
import io.mlexp.config.MlexpConfig;
import io.mlexp.config.TrainingConfigRules;
import java.util.ArrayList;
import java.util.List;

/** {@code mlexp check configs}: the required training configs exist, parse, and hold the required keys. */
public final class ConfigsCheck {
    /** The findings, the configs that were checked, and the dependency files. */
    public record Result(List<String> checked, List<String> dependencyFiles, List<Finding> findings) {
        public Result {
            checked = List.copyOf(checked);
            dependencyFiles = List.copyOf(dependencyFiles);
            findings = List.copyOf(findings);
        }
    }

    private ConfigsCheck() {
    }

    /**
     * Checks the training configs among {@code files}, and that each required pattern matches one.
     *
     * @param where how a missing config's finding names the place looked in ("HEAD", "working tree")
     */
    public static Result check(MlexpConfig mlexp, List<RepoFile> files, String where) {
        var rules = new TrainingConfigRules(mlexp.configs());
        var findings = new ArrayList<>(rules.presence(files.stream().map(RepoFile::path).toList(), where, mlexp.locations()));
        var checked = new ArrayList<String>();
        var dependencyFiles = new ArrayList<String>();
        var sources = RepoConfigSources.of(files);
        for (var file : files) {
            if (rules.covers(file.path())) {
                checked.add(file.path());
                findings.addAll(rules.check(file.path(), file.content().get(), sources));
            } else if (Dependencies.declaresDependencies(file.path())) {
                dependencyFiles.add(file.path());
                findings.addAll(Dependencies.check(file));
            }
        }
        return new Result(checked, dependencyFiles, findings);
    }
}
