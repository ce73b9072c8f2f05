package io.mlexp.cli;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.rules.RuleDocs;
import io.mlexp.rules.Rules;
import io.mlexp.util.DidYouMean;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", description = {
    "Lists every rule mlexp checks, or explains one: what it asks, the .mlexp.yml keys it reads, an input it",
    "passes and one it fails. Set a rule to off, warning or error under 'rules:' in .mlexp.yml."})
final class RulesCommand extends MlexpSubcommand {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "The rule to explain, e.g. commit-wip.")
    String id;

    @Option(names = "--markdown", description = "Print docs/rules.md, every rule in full.")
    boolean markdown;

    @Option(names = "--readme", description = "Print README's list of rules.")
    boolean readme;

    @Option(names = "--schema", description = "Print the JSON schema of .mlexp.yml (docs/mlexp-schema.json), its rule IDs from the catalogues.")
    boolean schema;

    @Override
    public Integer call() {
        if (markdown) {
            out().print(RuleDocs.markdown(Rules.all()));
        } else if (readme) {
            out().println(RuleDocs.readmeList(Rules.all()));
        } else if (schema) {
            out().print(RuleDocs.schema(Rules.all()));
        } else if (id != null) {
            var rule = Rules.find(id).orElseThrow(() -> InvalidInputException.of("option-value", SourceLocation.of("ID"),
                    "no rule has the ID '" + Finding.printable(id) + "'" + DidYouMean.closest(id, Rules.ids())
                            .map(near -> "; did you mean " + near + "?").orElse("")));
            out().print(RuleDocs.explained(rule));
        } else {
            for (var rule : Rules.all()) {
                out().printf(Locale.ROOT, "%-28s %-8s %s%n", rule.id(), rule.severity().label(), rule.summary());
            }
        }
        out().flush();
        return ExitCodes.OK;
    }
}
