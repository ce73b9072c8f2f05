package io.mlexp.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.check.Severity;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.MlexpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileRulesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/files");

    private final FileRules rules = new FileRules(MlexpConfig.defaults());

    @Test
    void shouldRefuseWeightsDataAndLogsUnlessAllowed() {
        var rows = "1,2,3\n".repeat(20_000);
        assertThat(ruleIds(check(file("out/best.pth", "x"), file("data/train.csv", rows), file("logs/run.log", "x"),
                file("src/__pycache__/m.pyc", "x"), file("train.py", "print(1)")))).containsExactly(
                "file-forbidden@out/best.pth", "file-forbidden@data/train.csv", "file-forbidden@logs/run.log",
                "file-forbidden@src/__pycache__/m.pyc");

        var allowing = new FileRules(new ConfigLoader().parse("version: 1\nfiles:\n  allowed: [\"examples/**/model.pt\"]\n", "c"));
        assertThat(allowing.check(file("examples/digits/model.pt", "x"))).isEmpty();
    }

    @Test
    void dataIsJudgedByWhatItIsWhereverItLivesAndCodeAndDocsInDataFoldersPass() {
        var raw = "0.1,0.2,0.3,7\n".repeat(80_000); // 1.1 MB of digits
        assertThat(ruleIds(check(file("src/digits/data/raw/train.csv", raw), file("datasets/prepare_cifar.py", "import torch"),
                file("datasets/README.md", "# Datasets"), file("tests/data/sample.json", "{\"x\": 1}"),
                file("src/digits/data/__init__.py", ""), file("export/model.onnx", "x"), file("cache/features.npy", "x"),
                file("experiments/exp1/runs/events.out.tfevents.1", "x")))).containsExactly(
                "file-forbidden@src/digits/data/raw/train.csv", "file-forbidden@export/model.onnx",
                "file-forbidden@cache/features.npy", "file-forbidden@experiments/exp1/runs/events.out.tfevents.1");
    }

    @Test
    void shouldRefuseLargeFilesButNotLfsPointers() throws IOException {
        var config = new ConfigLoader().parse("version: 1\nfiles:\n  max-size: 100B\n", "c");
        var small = new FileRules(config);
        var pointer = Files.readString(FIXTURES.resolve("lfs-pointer.txt"));

        assertThat(ruleIds(Stream.of(file("weights.bin", "x".repeat(101)), file("big.bin", pointer + " ".repeat(10)))
                .flatMap(file -> small.check(file).stream()).toList()))
                .containsExactly("file-too-large@weights.bin");
        assertThat(small.check(new RepoFile("lfs.bin", pointer.length(), () -> pointer.getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }

    @Test
    void shouldFindSecretsWithLineAndColumnAndRedactThem() {
        var findings = check(fixture("leaky_settings.py"));

        assertThat(findings).extracting(f -> f.location().toString())
                .containsExactly("leaky_settings.py:4:12", "leaky_settings.py:5:34");
        assertThat(findings.get(0).message()).isEqualTo("looks like an AWS access key ID: 'AKIAIO…****'");
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotContain("IOSFODNN7EXAMPLE"));
        assertThat(check(file("id_rsa.txt", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n"))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GitHub token       | token = 'ghp_{36}'",
        "GitHub token       | GH = github_pat_{22}",
        "GitLab token       | GITLAB=glpat-{20}",
        "Slack token        | slack: xoxb-{10}",
        "Google API key     | key = AIza{35}",
        "Hugging Face token | HF_TOKEN=hf_{34}",
        "OpenAI key         | OPENAI_API_KEY=sk-proj-{40}",
        "OpenAI key         | key = sk-{20}T3BlbkFJ{20}",
        "AWS secret access key | aws_secret_access_key = {40}",
        "AWS secret access key | SecretAccessKey: {40}",
        "Jupyter token      | http://localhost:8888/?token={48}",
        "AWS access key ID  | id: ASIA{16A}"})
    void shouldFindEveryShapeOfSecret(String shape, String template) {
        // secrets made here from "{N}" (N times 'a', or the letter given), so that no scanner takes this file for a leak
        var secret = fill(template, 0);

        assertThat(check(file("settings.env", "# settings\n" + secret + "\n")))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.message()).startsWith("looks like " + ("AEIOU".indexOf(shape.charAt(0)) >= 0 ? "an " : "a ")
                            + shape + ": ");
                    assertThat(finding.location().line()).isEqualTo(2);
                });
        assertThat(check(file("settings.env", fill(template, 1)))).as("one character short").isEmpty();
    }

    @Test
    void shouldFindAnAwsSecretKeyBesideItsKeyIdAsACredentialsFileHoldsIt() {
        var secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz" + "a".repeat(8);
        var findings = check(file("credentials.csv", "User,Access key ID,Secret access key\nci,AKIAIOSFODNN7EXAMPLE," + secret + "\n"));

        assertThat(findings).extracting(f -> f.message().substring(0, f.message().indexOf(':')))
                .containsExactly("looks like an AWS access key ID", "looks like an AWS secret access key");
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotContain("MDENG"));
    }

    @Test
    void readmeListsEveryKindOfSecretFound() throws Exception {
        var readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        for (var kind : Secrets.kinds()) {
            assertThat(readme).as("README names " + kind).contains(kind);
        }
    }

    private static String fill(String template, int shorter) {
        return java.util.regex.Pattern.compile("\\{(\\d+)([A-Z])?}").matcher(template).replaceAll(m ->
                (m.group(2) == null ? "a" : m.group(2)).repeat(Integer.parseInt(m.group(1)) - shorter));
    }

    @Test
    void shouldReportSecretsInLineOrderOncePerShapeAndLine() {
        var hex = "0123456789abcdef0123456789abcdef01234567";
        var text = "x = 1\r\n"
                + "WANDB_API_KEY = '" + hex + "'; aws = 'AKIAIOSFODNN7EXAMPLE' or 'AKIAIOSFODNN7EXAMPLF'\r\n"
                + "WANDB_API_KEY=\n" + hex + "\n"
                + "-----BEGIN RSA PRIVATE KEY-----\n";

        var findings = check(file("env.sh", text));

        assertThat(findings).as("a key split over two lines is not a key; the second AWS key shares its line")
                .extracting(f -> f.location() + " " + f.message().substring(0, 20))
                .containsExactly("env.sh:2:68 looks like an AWS ac", "env.sh:2:1 looks like a Weights",
                        "env.sh:5:1 looks like a private");
    }

    @Test
    void shouldScanAFileFullOfKeysInOnePass() {
        var text = "aws = 'AKIAIOSFODNN7EXAMPLE'\n".repeat(60_000); // 1.7 MB, under the 2 MB scanned

        var findings = check(file("keys.txt", text));

        assertThat(findings).hasSize(60_000);
        assertThat(findings.get(59_999).location()).hasToString("keys.txt:60000:8");
    }

    @Test
    void shouldWarnAboutNotebookOutputsByDefault() {
        var findings = check(fixture("with-outputs.ipynb"), fixture("clean.ipynb"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.message()).isEqualTo("2 cells have stored outputs");
        });
        assertThat(check(file("broken.ipynb", "{\"cells\": [")).get(0).ruleId()).isEqualTo("file-notebook-invalid");
    }

    @Test
    void shouldCheckEveryFromImageOfADockerfile() {
        var findings = check(new RepoFile("docker/Dockerfile.multistage", 1, () -> read("Dockerfile.multistage")));

        assertThat(findings).extracting(f -> f.ruleId() + "@" + f.location().line()).containsExactly(
                "dockerfile-unpinned@6", "dockerfile-unpinned@11", "dockerfile-unresolved@12", "dockerfile-invalid-image@13");
        assertThat(findings.get(0).message()).isEqualTo("FROM 'python:3.11-slim' has no digest; append @sha256:<digest> (pin: digest)");
        assertThat(findings.get(1).message()).contains("uses the tag 'latest'");
    }

    @Test
    void shouldCheckStagedTrainingConfigs() {
        var findings = check(file("configs/a.yaml", "seed: 1\nlr: 0.1\nbatch_size: 8\n"), file("configs/b.yaml", "seed: 1\n"),
                file("configs/c.yaml", "seed: [1\n"), file("other/d.yaml", "x: 1\n"));

        assertThat(ruleIds(findings)).containsExactly("config-file-missing-key@configs/b.yaml",
                "config-file-missing-key@configs/b.yaml", "yaml-syntax@configs/c.yaml");
        assertThat(findings.get(0).message()).isEqualTo("required key 'lr' is missing");
    }

    @Test
    void shouldReportMissingAndNestedRequiredKeys() {
        var config = new ConfigLoader().parse("version: 1\nconfigs:\n  required-keys: [seed, optimizer.lr]\n"
                + "  required: ['configs/*.yaml']\n", "team.yml");

        var result = ConfigsCheck.check(config, List.of(file("configs/a.yaml", "seed: 1\noptimizer:\n  lr: 3e-4\n"),
                file("configs/b.yaml", "seed: 1\n\"optimizer.lr\": 1\n")), "HEAD");

        assertThat(result.checked()).containsExactly("configs/a.yaml", "configs/b.yaml");
        assertThat(result.findings()).isEmpty();
        assertThat(ConfigsCheck.check(config, List.of(file("train.py", "")), "HEAD").findings()).singleElement()
                .satisfies(f -> assertThat(f.format()).isEqualTo("team.yml:4:14: error: no file in HEAD matches configs.required pattern "
                        + "'configs/*.yaml' [config-file-none] (add a config there, or change configs.required in .mlexp.yml)"));
    }

    private List<Finding> check(RepoFile... files) {
        return Stream.of(files).flatMap(file -> rules.check(file).stream()).toList();
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "@" + f.location().file()).toList();
    }

    private static RepoFile file(String path, String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        return new RepoFile(path, bytes.length, () -> bytes);
    }

    private static RepoFile fixture(String name) {
        var bytes = read(name);
        return new RepoFile(name, bytes.length, () -> bytes);
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
