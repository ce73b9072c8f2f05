package io.mlexp.cli;

import io.mlexp.record.RecordCheck;
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
        var check = new RecordCheck(loadConfig(workspace).record());
        var root = workspace.root().toAbsolutePath().normalize();
        var paths = new ArrayList<String>();
        if (files.isEmpty()) {
            paths.addAll(check.everyRecord(root));
        }
        for (var file : files) {
            var absolute = global().workingDirectory().resolve(file).toAbsolutePath().normalize();
            if (!Files.isRegularFile(absolute)) {
                throw io.mlexp.check.InvalidInputException.of("record-missing",
                        io.mlexp.check.SourceLocation.of(file.toString()), "no such file");
            }
            paths.add(root.relativize(absolute).toString().replace('\\', '/'));
        }
        var result = check.workingTree(root, paths);
        return report(result.findings(), "checked " + result.checked().size() + " record"
                + (result.checked().size() == 1 ? "" : "s"));
    }
}
