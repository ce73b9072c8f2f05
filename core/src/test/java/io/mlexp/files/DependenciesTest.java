package io.mlexp.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dependency files in the shapes real projects write them: what is pinned, what is not, and where. */
class DependenciesTest {
    @Test
    void shouldFindEachRequirementWithoutAnExactVersionInARealRequirementsFile() {
        var findings = check("requirements.txt", """
                # pytorch/examples word_language_model, pinned by hand
                --index-url https://download.pytorch.org/whl/cu121
                -r requirements-base.txt
                torch==2.5.1+cu121
                torchvision>=0.20
                numpy ~= 1.26.4
                tqdm
                pillow==10.*
                requests[socks]==2.32.3 ; python_version >= "3.9" \\
                    --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6
                -e .
                git+https://github.com/huggingface/transformers.git
                git+https://github.com/openai/CLIP.git@dcba3cb2e2827b402d2701e7e1c7d9fed8a20ef1
                """);

        assertThat(findings).extracting(finding -> finding.location().toString() + " " + finding.message()).containsExactly(
                "requirements.txt:5:1 'torchvision>=0.20' names no exact version",
                "requirements.txt:6:1 'numpy ~= 1.26.4' names no exact version",
                "requirements.txt:7:1 'tqdm' names no exact version",
                "requirements.txt:8:1 'pillow==10.*' names no exact version",
                "requirements.txt:12:1 'git+https://github.com/huggingface/transformers.git' names no exact version");
        assertThat(findings).extracting(Finding::ruleId).containsOnly("file-dependency-unpinned");
    }

    @Test
    void shouldReadCondaSpecsAndTheirPipListAtTheirLines() {
        var findings = check("envs/environment.yml", """
                name: digits
                channels: [pytorch, conda-forge]
                dependencies:
                  - python=3.11
                  - pytorch::pytorch=2.5.1=py3.11_cuda12.4_cudnn9.1.0_0
                  - numpy>=1.26
                  - omegaconf
                  - pip
                  - pip:
                      - wandb==0.18.5
                      - hydra-core>=1.3
                """);

        assertThat(findings).extracting(finding -> finding.location().toString() + " " + finding.message()).containsExactly(
                "envs/environment.yml:6:5 'numpy>=1.26' names no exact version",
                "envs/environment.yml:7:5 'omegaconf' names no exact version",
                "envs/environment.yml:11:9 'hydra-core>=1.3' names no exact version");
    }

    @Test
    void shouldReadPep621ListsAndPoetryTablesButNotTheBuildSystem() {
        var findings = check("pyproject.toml", """
                [build-system]
                requires = ["setuptools>=68"]

                [project]
                name = "digits"
                dependencies = [
                    "torch==2.5.1",
                    "lightning>=2.4",
                ]

                [project.optional-dependencies]
                dev = ["pytest"]

                [dependency-groups]
                lint = ["ruff==0.7.1"]

                [tool.poetry.dependencies]
                python = "^3.11"
                numpy = "1.26.4"
                pandas = "^2.2"
                local = { path = "../local" }

                [tool.poetry.group.dev.dependencies]
                black = { version = "~24.10" }
                """);

        assertThat(findings).extracting(finding -> finding.location().toString() + " " + finding.message()).containsExactly(
                "pyproject.toml:8:5 'lightning>=2.4' names no exact version",
                "pyproject.toml:12:8 'pytest' names no exact version",
                "pyproject.toml:20:1 'pandas = \"^2.2\"' names no exact version",
                "pyproject.toml:24:1 'black = \"~24.10\"' names no exact version");
    }

    @Test
    void shouldWarnOfABrokenPyprojectAndIgnoreOtherFiles() {
        assertThat(check("pyproject.toml", "[project\n")).extracting(Finding::ruleId).containsExactly("file-dependency-unreadable");
        assertThat(check("docs/requirements.md", "torch\n")).isEmpty();
        assertThat(check("requirements/dev.txt", "torch\n")).as("a requirements folder's files are named otherwise").isEmpty();
        assertThat(check("requirements-dev.txt", "torch\n")).hasSize(1);
    }

    private static List<Finding> check(String path, String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        return Dependencies.check(new RepoFile(path, bytes.length, () -> bytes));
    }
}
