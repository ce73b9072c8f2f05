package io.mlexp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What users read about the rules is what the catalogues register: docs/rules.md, README's list, the schema. */
class RuleDocsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void docsRulesMdIsGeneratedFromTheCatalogues() throws Exception {
        assertThat(Files.readString(ROOT.resolve("docs/rules.md")))
                .as("docs/rules.md is out of date: run ./mlexp rules --markdown > docs/rules.md")
                .isEqualTo(RuleDocs.markdown(Rules.all()));
    }

    @Test
    void readmesListOfRulesIsGeneratedFromTheCatalogues() throws Exception {
        var readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf(RuleDocs.README_START);
        int end = readme.indexOf(RuleDocs.README_END);
        assertThat(start).as("README.md has the generated list").isNotNegative();
        assertThat(readme.substring(start, end + RuleDocs.README_END.length()))
                .as("README's list is out of date: replace it with ./mlexp rules --readme")
                .isEqualTo(RuleDocs.readmeList(Rules.all()));
    }

    @Test
    void theSchemaKnowsEveryRuleIdAndNoOther() throws Exception {
        var schema = JsonMapper.builder().build().readTree(ROOT.resolve("core/src/main/resources/mlexp-schema.json").toFile());
        var ids = new ArrayList<String>();
        schema.at("/properties/rules/propertyNames/enum").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactlyElementsOf(Rules.ids());
    }

    @Test
    void bothCopiesOfTheSchemaAreWhatMlexpRulesSchemaPrints() throws Exception {
        for (var copy : List.of("core/src/main/resources/mlexp-schema.json", "docs/mlexp-schema.json")) {
            assertThat(Files.readString(ROOT.resolve(copy))).as("%s is out of date: run ./mlexp rules --schema > %s", copy, copy)
                    .isEqualTo(RuleDocs.schema(Rules.all()));
        }
        var shorter = RuleDocs.schema(Rules.all().subList(0, 2));
        var ids = new ArrayList<String>();
        JsonMapper.builder().build().readTree(shorter).at("/properties/rules/propertyNames/enum").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactly(Rules.all().get(0).id(), Rules.all().get(1).id());
    }

    @Test
    void everyRuleExplainedForTheTerminalShowsBothExamples() {
        var rule = Rules.find("commit-scope").orElseThrow();
        assertThat(RuleDocs.explained(rule)).contains("commit-scope (error, commit messages)", "reads: commits.scopes",
                "passes (COMMIT_EDITMSG):", "    feat(model): add dropout", "fails (COMMIT_EDITMSG):", "    feat(modle): add dropout");
    }
}
