package io.mlexp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.image.PinPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void shouldFillEveryDefaultForAMinimalConfig() {
        var config = loader.parse("version: 1\n", ".mlexp.yml");

        assertThat(config).isEqualTo(MlexpConfig.defaults());
        assertThat(config.files().maxSize().bytes()).isEqualTo(5_000_000);
        assertThat(config.smoke().timeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldReadEverySection() {
        var config = loader.parse("""
                version: 1
                on-violation: unstable
                commits:
                  convention: [conventional]
                  types: [feat, fix]
                  subject-max-length: 50
                files:
                  max-size: 512KiB
                  allowed: ["examples/**/model.pt"]
                record:
                  id-pattern: "RUN-\\\\d+"
                  required-sections: [goal, results]
                smoke:
                  engine: container
                  image: "registry.example:5000/team/torch:2.5@sha256:%s"
                  timeout: 1h30m
                  expect: { loss-decrease: 0.1, bounds: { accuracy: { min: 0.5 } } }
                publish:
                  gates: { accuracy: { max-drop: 2%% }, loss: { max: 1.5 } }
                """.formatted("a".repeat(64)), ".mlexp.yml");

        assertThat(config.onViolation()).isEqualTo(MlexpConfig.OnViolation.UNSTABLE);
        assertThat(config.commits().conventions()).containsExactly(CommitConvention.CONVENTIONAL);
        assertThat(config.commits().subjectMaxLength()).isEqualTo(50);
        assertThat(config.files().maxSize().bytes()).isEqualTo(512 * 1024);
        assertThat(config.files().allowed().get(0).matches("examples/digits/model.pt")).isTrue();
        assertThat(config.record().idPattern().pattern().matcher("RUN-7").matches()).isTrue();
        assertThat(config.record().requiredSections()).containsExactly(RecordSection.GOAL, RecordSection.RESULTS);
        assertThat(config.smoke().image()).hasValueSatisfying(image -> {
            assertThat(image.registry()).hasValue("registry.example:5000");
            assertThat(image.tag()).hasValue("2.5");
        });
        assertThat(config.smoke().timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.smoke().expect().lossDecrease()).hasValue(0.1);
        assertThat(config.smoke().expect().bounds().get("accuracy").min()).hasValue(0.5);
        assertThat(config.publish().gates().get("accuracy").maxDrop())
                .hasValue(new PublishConfig.Drop(0.02, true));
        assertThat(config.publish().gates().get("loss").max()).hasValue(1.5);
    }

    @Test
    void shouldSuggestTheClosestKeyForAnUnknownKey() {
        var findings = problems("""
                version: 1
                commits:
                  subject-max-lenght: 60
                """);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("config-unknown-key");
            assertThat(finding.location()).hasToString(".mlexp.yml:3:3");
            assertThat(finding.message()).contains("commits.subject-max-lenght");
            assertThat(finding.hint()).isEqualTo("did you mean `subject-max-length`?");
        });
    }

    @Test
    void shouldSuggestASectionForAMisspeltTopLevelKey() {
        assertThat(problems("version: 1\ncomits: {}\n")).singleElement()
                .satisfies(finding -> assertThat(finding.hint()).isEqualTo("did you mean `commits`?"));
    }

    @Test
    void shouldNameTheExpectedTypeAndTheValueFound() {
        var findings = problems("""
                version: 1
                commits:
                  subject-max-length: "seventy"
                  types: feat
                """);

        assertThat(findings).extracting(Finding::format).containsExactly(
                ".mlexp.yml:4:10: error: commits.types: expected a list, such as [a, b], found the text 'feat' [config-type]",
                ".mlexp.yml:3:23: error: commits.subject-max-length: expected a whole number, found the text 'seventy' [config-type]");
    }

    @Test
    void shouldRefuseNegativeAndMalformedSizes() {
        assertThat(problems("version: 1\nfiles:\n  max-size: -5MB\n")).singleElement()
                .satisfies(finding -> assertThat(finding.format()).startsWith(".mlexp.yml:3:13: error: files.max-size: a size must not be negative"));
        assertThat(problems("version: 1\nfiles:\n  max-size: 5 potatoes\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("write e.g. 5MB"));
    }

    @Test
    void shouldRefuseBadDurations() {
        assertThat(problems("version: 1\nsmoke:\n  timeout: 10 minutes\n")).singleElement()
                .satisfies(finding -> assertThat(finding.format()).contains(".mlexp.yml:3:12").contains("write e.g. 90s, 10m"));
        assertThat(problems("version: 1\nsmoke:\n  timeout: 0s\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("longer than zero"));
        assertThat(problems("version: 1\nsmoke:\n  timeout: 600\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("'600' is not a duration"));
    }

    @Test
    void shouldRefuseInvalidGlobsAndRegexesAtTheirItem() {
        var findings = problems("""
                version: 1
                files:
                  forbidden: ["*.pt", "data/[abc"]
                record:
                  id-pattern: "EXP-(\\\\d+"
                """);

        assertThat(findings).extracting(Finding::format).containsExactlyInAnyOrder(
                ".mlexp.yml:3:23: error: files.forbidden[1]: invalid pattern 'data/[abc': '[' is never closed [config-value]",
                ".mlexp.yml:5:15: error: record.id-pattern: invalid regular expression 'EXP-(\\d+': missing closing )"
                        + " (RE2 syntax: no backreferences or lookaround) [config-value]");
    }

    @Test
    void shouldRequireVersionOne() {
        assertThat(problems("commits: {}\n")).singleElement()
                .satisfies(finding -> assertThat(finding.format()).startsWith(".mlexp.yml:1:1: error: 'version: 1' is required"));
        assertThat(problems("version: 2\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).isEqualTo("version 2 is not supported; this mlexp reads version 1"));
    }

    @Test
    void shouldRefuseUnknownEnumWordsWithASuggestion() {
        assertThat(problems("version: 1\nsmoke:\n  engine: containr\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("unknown value 'containr'; did you mean `container`?"));
    }

    @Test
    void shouldApplyThePinPolicyToTheSmokeImageAtLoadTime() {
        assertThat(problems("version: 1\nsmoke:\n  image: pytorch/pytorch:latest\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("uses the tag 'latest'"));
        assertThat(problems("version: 1\nsmoke:\n  image: pytorch/pytorch:2.5\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("has no digest"));
        assertThat(loader.parse("version: 1\nsmoke:\n  pin: tag\n  image: pytorch/pytorch:2.5\n", "x").smoke().pin())
                .isEqualTo(PinPolicy.TAG);
        assertThat(problems("version: 1\nsmoke:\n  image: \"--privileged\"\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("docker would read as an option"));
    }

    @Test
    void shouldReportEveryProblemOfAFileAtOnce() {
        var findings = problems("""
                version: 1
                commits: { subject-max-length: 0 }
                files: { max-size: big, colour: red }
                smoke: { timeout: soon }
                """);

        assertThat(findings).hasSize(4);
    }

    @Test
    void shouldRefuseADocumentThatIsNotAMapping() {
        assertThat(problems("- version: 1\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).startsWith("expected a mapping of sections"));
        assertThat(problems("")).singleElement()
                .satisfies(finding -> assertThat(finding.ruleId()).isEqualTo("config-empty"));
    }

    @Test
    void yamlNumbersJavaDoesNotParseAreBadConfigWithTheirPlaceNotAnInternalError() {
        for (var special : List.of(".inf", "-.inf", ".nan", ".NaN")) {
            assertThat(problems("version: 1\nsmoke:\n  expect:\n    loss-decrease: " + special + "\n")).singleElement()
                    .satisfies(finding -> assertThat(finding.format())
                            .isEqualTo(".mlexp.yml:4:20: error: smoke.expect.loss-decrease: expected a finite number, found the number "
                                    + special + " [config-type]"));
        }
        assertThat(problems("version: 1\nsmoke:\n  embedded:\n    steps: 0x10\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("write the whole number in decimal digits, found 0x10")
                        .doesNotContain("too large"));
        assertThat(problems("version: 1\nsmoke:\n  embedded:\n    steps: 1_000\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("found 1_000", "'_' separators"));
        assertThat(problems("version: 1\nsmoke:\n  embedded:\n    steps: 99999999999999999999\n")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("is too large"));
    }

    @Test
    void aTrainingConfigOutsideConfigsNeedsARecordByDefaultAndCheckConfigWarnsWhenTheTeamsListMissesIt() {
        var defaults = loader.parse("version: 1\nconfigs:\n  required: [\"experiments/**/*.yaml\"]\n", ".mlexp.yml");
        assertThat(defaults.record().triggerPaths()).extracting(Glob::pattern).contains("**/*.py", "configs/**", "experiments/**/*.yaml");
        assertThat(ConfigAdvice.warnings(defaults, io.mlexp.check.SourceLocation.of(".mlexp.yml"))).isEmpty();

        var own = loader.parse("version: 1\nconfigs:\n  required: [\"experiments/**/*.yaml\", \"configs/*.yaml\"]\n"
                + "record:\n  trigger-paths: [\"**/*.py\", \"configs/**\"]\n", ".mlexp.yml");
        assertThat(ConfigAdvice.warnings(own, new io.mlexp.check.SourceLocation(".mlexp.yml", 5, 18))).extracting(Finding::format)
                .containsExactly(".mlexp.yml:5:18: warning: configs.required covers 'experiments/**/*.yaml', which no"
                        + " record.trigger-paths pattern covers: a change to such a config needs no record [config-trigger-paths]"
                        + " (add 'experiments/**/*.yaml' to record.trigger-paths)");
    }

    @Test
    void containerMountsAndCapsCannotSmuggleAnOptionOrHandOverTheEngine() {
        for (var mount : List.of("/var/run/docker.sock:/sock", "/:/host", "data:/workspace/data", "/data:/workspace/data --privileged",
                "/data:/mlexp-out", "/data:/workspace/../etc", "/data", "/data:/x:rx")) {
            assertThat(problems("version: 1\nsmoke:\n  mounts: [\"" + mount + "\"]\n")).as(mount).singleElement()
                    .satisfies(finding -> assertThat(finding.location().line()).isEqualTo(3));
        }
        assertThat(problems("version: 1\nsmoke:\n  cpus: 0\n")).extracting(Finding::message).singleElement().asString()
                .contains("above 0");
        assertThat(problems("version: 1\nsmoke:\n  shm-size: lots\n")).hasSize(1);
    }

    private List<Finding> problems(String yaml) {
        return assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> loader.parse(yaml, ".mlexp.yml"))
                .actual().findings();
    }
}
