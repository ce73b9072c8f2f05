package io.mlexp.cli;

import io.mlexp.record.NewRecord;
import io.mlexp.record.RecordTemplate;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "new", description = {
    "Writes the next free experiment record from the team template, under record.dir.",
    "With --config, the record names that config and its hyperparameter table lists the config's values."})
final class RecordNewCommand extends MlexpSubcommand {
    @Option(names = "--id", paramLabel = "ID", description = "The ID to use (default: the next free one, e.g. EXP-024).")
    String id;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "The template's language: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Language language;

    /** The template languages, as users type them. */
    enum Language { en, zh }

    @Option(names = "--config", paramLabel = "FILE", description = "The training config the experiment uses.")
    Path config;

    @Override
    public Integer call() {
        var workspace = workspace();
        var settings = loadConfig(workspace);
        var root = workspace.root().toAbsolutePath().normalize();
        var configPath = Optional.ofNullable(config)
                .map(file -> root.relativize(global().workingDirectory().resolve(file).normalize()).toString().replace('\\', '/'));
        var written = NewRecord.write(root, settings.record(), Optional.ofNullable(id),
                language == Language.zh ? RecordTemplate.Language.ZH : RecordTemplate.Language.EN, configPath);
        out().println("wrote " + root.relativize(written) + ": fill in each section, then 'mlexp record check "
                + root.relativize(written) + "'");
        return ExitCodes.OK;
    }
}
