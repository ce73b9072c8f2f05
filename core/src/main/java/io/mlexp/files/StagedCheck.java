package io.mlexp.files;

import io.mlexp.check.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * The pre-commit check: every staged file against the rules of {@code .mlexp.yml}. Each file is
 * checked as soon as it is read, on the thread that read it ({@link StagedFiles} reads on more than one
 * where there are cores to spare), so that no file waits in memory for another thread to take it.
 */
public final class StagedCheck {
    private final Supplier<FileRules> rules;

    /** @param rules called once, before the first file is read: a config in error speaks before git is asked anything */
    public StagedCheck(Supplier<FileRules> rules) {
        this.rules = rules;
    }

    /** The findings of every staged file, in Git's order of the files. */
    public List<Finding> check(Path repositoryRoot) {
        var checking = rules.get();
        var found = new ConcurrentSkipListMap<Integer, List<Finding>>(); // by position; none for a clean file
        try (var staged = StagedFiles.open(repositoryRoot)) {
            staged.read((file, position) -> {
                var findings = checking.check(file);
                if (!findings.isEmpty()) {
                    found.put(position, findings);
                }
            });
        }
        var findings = new ArrayList<Finding>();
        found.values().forEach(findings::addAll);
        return findings;
    }
}
