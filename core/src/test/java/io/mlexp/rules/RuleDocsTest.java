package io.mlexp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void everyRuleExplainedForTheTerminalShowsBothExamples() {
        var rule = Rules.find("commit-scope").orElseThrow();
        assertThat(RuleDocs.explained(rule)).contains("commit-scope (error, commit messages)", "reads: commits.scopes",
                "passes (COMMIT_EDITMSG):", "    feat(model): add dropout", "fails (COMMIT_EDITMSG):", "    feat(modle): add dropout");
    }
}
