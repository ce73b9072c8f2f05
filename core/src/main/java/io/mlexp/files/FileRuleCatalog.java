package io.mlexp.files;

import static io.mlexp.check.Rule.Family.FILES;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;

/** The rules of staged files: the pre-commit hook, {@code mlexp check staged} and the files stage. */
public final class FileRuleCatalog implements RuleCatalog {
    private static final String NOTEBOOK = """
            {"cells": [{"cell_type": "code", "execution_count": %s, "metadata": {}, "outputs": [%s], "source": ["print(1)"]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("file-forbidden", FILES, "No weights, datasets or logs are committed.")
                        .reads("files.forbidden", "files.allowed")
                        .explain("Paths matching `files.forbidden` (checkpoints, `*.pt`, `*.npy`, `data/**`, `runs/**` ...) belong in"
                                + " storage, not Git; `files.allowed` makes exceptions. Code, docs and small files in a data folder pass.")
                        .passes("src/train.py", "print('train')\n").fails("checkpoints/epoch_3.pt", "weights"),
                Rule.error("file-too-large", FILES, "No file is larger than `files.max-size`, unless Git LFS tracks it.")
                        .reads("files.max-size")
                        .given("files:\n  max-size: 64B\n")
                        .passes("README.md", "# Project\n").fails("notes.txt", "x".repeat(100)),
                Rule.error("file-secret", FILES, "No credentials are committed.")
                        .reads("files.secrets")
                        .explain("Private keys and the tokens of AWS, GitHub, GitLab, Slack, Google, Hugging Face, OpenAI, Jupyter and"
                                + " Weights & Biases, found by their shapes; the finding points at line and column.")
                        .passes("config.py", "AWS_REGION = 'eu-west-1'\n")
                        .fails("config.py", "AWS_ACCESS_KEY_ID = '" + "AKIA" + "IOSFODNN7EXAMPLE'\n"),
                Rule.warning("file-notebook-outputs", FILES, "Notebooks are committed without stored outputs.")
                        .reads("files.notebook-outputs")
                        .explain("Outputs bloat the history and can leak data; `files.notebook-outputs` is `warning` (the default),"
                                + " `error` or `off`.")
                        .passes("explore.ipynb", NOTEBOOK.formatted("null", ""))
                        .fails("explore.ipynb", NOTEBOOK.formatted("1", "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"1\"]}")),
                Rule.error("file-notebook-invalid", FILES, "A notebook is valid JSON.")
                        .passes("explore.ipynb", NOTEBOOK.formatted("null", "")).fails("explore.ipynb", "{\"cells\": [\n"),
                Rule.warning("file-dependency-unpinned", FILES, "Every Python dependency names one exact version.")
                        .explain("In `requirements*.txt` (`torch==2.5.1`), `environment.yml` (`pytorch=2.5.1`, and its `pip:` list)"
                                + " and `pyproject.toml` (`project.dependencies`, optional ones, `dependency-groups`, Poetry's"
                                + " tables); checked by `check staged` and `check configs`. `rules:` makes it `error` or `off`.")
                        .passes("requirements.txt", "torch==2.5.1\nnumpy==1.26.4 ; python_version >= \"3.10\"\n")
                        .fails("requirements.txt", "torch==2.5.1\nnumpy>=1.26\n"),
                Rule.warning("file-dependency-unreadable", FILES, "A file that declares dependencies can be read.")
                        .passes("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"torch==2.5.1\"]\n")
                        .fails("pyproject.toml", "[project]\ndependencies = [\"torch==2.5.1\"\n"));
    }
}
