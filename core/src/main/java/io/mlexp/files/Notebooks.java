package io.mlexp.files;

import io.mlexp.util.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlexp.check.Finding;
import io.mlexp.check.Severity;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.FilesConfig;
import java.io.IOException;
import java.util.List;

/** Jupyter notebooks committed with their outputs: large diffs, and data or tokens in plain sight. */
final class Notebooks {
    private Notebooks() {
    }

    static List<Finding> check(RepoFile file, FilesConfig.Level level) {
        if (level == FilesConfig.Level.OFF || !file.path().endsWith(".ipynb")) {
            return List.of();
        }
        try {
            var root = Json.strict().readTree(file.content().get());
            int withOutputs = 0;
            for (var cell : root.path("cells")) {
                if (cell.path("outputs").size() > 0) {
                    withOutputs++;
                }
            }
            if (withOutputs == 0) {
                return List.of();
            }
            var severity = level == FilesConfig.Level.ERROR ? Severity.ERROR : Severity.WARNING;
            return List.of(new Finding("file-notebook-outputs", severity, SourceLocation.of(file.path()),
                    withOutputs + " cell" + (withOutputs == 1 ? " has" : "s have") + " stored outputs",
                    "clear them: jupyter nbconvert --clear-output --inplace " + file.path()));
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            return List.of(Finding.error("file-notebook-invalid", location == null ? SourceLocation.of(file.path())
                    : new SourceLocation(file.path(), location.getLineNr(), Math.max(0, location.getColumnNr())),
                    "not a valid notebook: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return List.of(Finding.error("file-notebook-invalid", SourceLocation.of(file.path()), "cannot read: " + e.getMessage()));
        }
    }
}
