package io.mlexp.cli;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.experiments.Claimed;
import io.mlexp.history.History;
import io.mlexp.record.RecordCheck;
import io.mlexp.util.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = {
    "Validates experiment records: the ID, the required sections, the hyperparameter table against the config",
    "the record names, and the template's conventions (warnings). Without FILE, every record under record.dir."})
final class RecordCheckCommand extends MlexpSubcommand {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Records to check.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        var workspace = workspace();
        var config = loadConfig(workspace);
        var check = new RecordCheck(config.record());
        var root = workspace.root().toAbsolutePath().normalize();
        var paths = new ArrayList<String>();
        if (files.isEmpty()) {
            paths.addAll(check.everyRecord(root));
        }
        for (var file : files) {
            var absolute = global().workingDirectory().resolve(file).toAbsolutePath().normalize();
            if (!Files.isRegularFile(absolute)) {
                throw InvalidInputException.of("record-missing", SourceLocation.of(file.toString()), "no such file");
            }
            var relative = root.relativize(absolute).toString().replace('\\', '/');
            if (!absolute.startsWith(root) || RepoPaths.regularFileInside(root, relative).isEmpty()) {
                throw InvalidInputException.of("path-escape", SourceLocation.of(file.toString()),
                        "is outside the repository " + root + " (or leads out of it through a symbolic link); "
                                + "records are checked where they live, under " + check.directory() + "/");
            }
            paths.add(relative);
        }
        var result = check.workingTree(root, paths);
        var findings = new ArrayList<>(result.findings());
        var history = History.at(config.historyDirectory(root));
        int measured = 0;
        if (Files.exists(history.file())) {
            var loaded = history.read();
            findings.addAll(loaded.warnings());
            var claims = Claimed.ofRecords(root, config.record(), result.checked(), loaded.entries());
            findings.addAll(claims);
            measured = loaded.entries().size();
        }
        return report(config, findings, "checked " + result.checked().size() + " record"
                + (result.checked().size() == 1 ? "" : "s") + (measured > 0 ? "; claims against " + measured + " history entries" : ""));
    }
}
