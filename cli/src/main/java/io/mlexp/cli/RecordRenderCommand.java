package io.mlexp.cli;

import io.mlexp.record.RecordRenderer;
import io.mlexp.record.RecordSource;
import io.mlexp.util.AtomicFiles;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "render", description = {
    "Writes a record as sanitised HTML (raw HTML escaped, links limited to http, https and mailto):",
    "a page with --out, or the HTML fragment on standard output."})
final class RecordRenderCommand extends MlexpSubcommand {
    @Parameters(paramLabel = "FILE", description = "The record.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write a self-contained HTML page here.")
    Path out;

    @Override
    public Integer call() {
        var markdown = RecordSource.read(global().workingDirectory().resolve(file), file.toString()).markdown();
        var renderer = new RecordRenderer();
        if (out == null) {
            out().print(renderer.render(markdown, file.toString()));
            out().flush();
        } else {
            var target = global().workingDirectory().resolve(out);
            AtomicFiles.replace(target, renderer.page(markdown, String.valueOf(file.getFileName())));
            out().println("wrote " + out);
        }
        return ExitCodes.OK;
    }
}
