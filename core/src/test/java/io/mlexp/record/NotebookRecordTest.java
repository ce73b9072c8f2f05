package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.RecordConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record kept as the first Markdown cells of a Jupyter notebook is found, read and judged as a Markdown one is. */
class NotebookRecordTest {
    private static final String HEADER = """
            # 实验ID: EXP-023 ResNet-18 on CIFAR-10

            ## 目标
            A baseline for the augmentation study.

            ## 假设
            Random crops add two points.
            """;
    private static final String TABLE = """
            ## 超参数
            | 参数 | 值 |
            |:---|:---|
            | config | configs/resnet.yaml |
            | lr | 0.01 |

            ## 结果
            | 指标 | 值 |
            |:---|:---|
            | accuracy | 78.20% |

            ## 结论
            Keep crops.
            """;

    @TempDir
    Path repository;

    @BeforeEach
    void configs() throws Exception {
        write("configs/resnet.yaml", "lr: 0.001\nbatch_size: 64\n");
    }

    @Test
    void shouldJudgeTheLeadingMarkdownCellsAndNameTheCellLineAndColumn() throws Exception {
        write("experiments/EXP-023.ipynb", new NotebookJson().markdown(HEADER).markdown(TABLE)
                .code("import torch\nprint(torch.__version__)", "1.13.1\n").markdown("## Notes\nnot part of the record").json());

        var result = check(RecordConfig.defaults()).workingTree(repository, List.of("experiments/EXP-023.ipynb"));

        assertThat(result.checked()).containsExactly("experiments/EXP-023.ipynb");
        assertThat(result.findings()).extracting(Finding::format).singleElement().asString()
                .startsWith("experiments/EXP-023.ipynb:2:5:8: error: 'lr' is '0.01' here but '0.001' in configs/resnet.yaml:1:5")
                .contains("[record-config-mismatch]");
    }

    @Test
    void shouldSkipCellsBeforeTheRecordAndReportAMissingSectionInItsCell() throws Exception {
        write("experiments/EXP-024.ipynb", new NotebookJson().code("%load_ext autoreload", "")
                .markdown(HEADER.replace("EXP-023", "EXP-024")).json());

        var result = check(RecordConfig.defaults()).workingTree(repository, List.of("experiments/EXP-024.ipynb"));

        assertThat(result.findings()).extracting(Finding::ruleId).contains("record-section-missing");
        assertThat(result.findings()).extracting(finding -> finding.location().toString())
                .contains("experiments/EXP-024.ipynb:2:1:3");
    }

    @Test
    void shouldFindNotebooksUnderTheRecordFolderAndThePatternsButNotJupyterCheckpoints() throws Exception {
        var notebook = new NotebookJson().markdown(HEADER).markdown(TABLE).json();
        write("experiments/EXP-023.ipynb", notebook);
        write("experiments/.ipynb_checkpoints/EXP-023-checkpoint.ipynb", notebook);
        write("notebooks/vision/EXP-030.ipynb", notebook.replace("EXP-023", "EXP-030"));
        write("notebooks/scratch.py", "print()\n");
        var config = new ConfigLoader().parse("version: 1\nrecord:\n  notebooks: ['notebooks/**/*.ipynb']\n", ".mlexp.yml").record();

        assertThat(check(config).everyRecord(repository))
                .containsExactly("experiments/EXP-023.ipynb", "notebooks/vision/EXP-030.ipynb");
        assertThat(check(RecordConfig.defaults()).everyRecord(repository)).containsExactly("experiments/EXP-023.ipynb");
    }

    @Test
    void shouldFindARecordByItsIdForTheReport() throws Exception {
        write("experiments/resnet-baseline.ipynb", new NotebookJson().markdown(HEADER).json());

        var found = check(RecordConfig.defaults()).find(repository, "EXP-023");

        assertThat(found).hasValueSatisfying(read -> {
            assertThat(read.source().path()).isEqualTo("experiments/resnet-baseline.ipynb");
            assertThat(read.source().markdown()).startsWith("# 实验ID: EXP-023");
        });
        assertThat(check(RecordConfig.defaults()).find(repository, "EXP-999")).isEmpty();
    }

    @Test
    void shouldReportANotebookThatIsNotJsonAtItsLineAndColumn() throws Exception {
        write("experiments/EXP-023.ipynb", "{\n \"cells\": [\n  {\"cell_type\": \"markdown\", \"source\": [\"# EXP-023\"]\n ]\n}\n");
        write("experiments/EXP-025.ipynb", "[]\n");

        var result = check(RecordConfig.defaults()).workingTree(repository,
                List.of("experiments/EXP-023.ipynb", "experiments/EXP-025.ipynb"));

        assertThat(result.findings()).extracting(Finding::ruleId).containsOnly("record-unreadable");
        assertThat(result.findings()).extracting(finding -> finding.location().toString())
                .containsExactly("experiments/EXP-023.ipynb:4:2", "experiments/EXP-025.ipynb:1:2");
        assertThat(result.findings().get(0).message()).startsWith("not a valid notebook: Unexpected close marker ']'");
    }

    @Test
    void shouldRefuseADuplicateKeyAndRecordCellsOverTheRecordLimit() throws Exception {
        write("experiments/EXP-023.ipynb", "{\"cells\": [], \"cells\": []}");
        write("experiments/EXP-026.ipynb", new NotebookJson().markdown("# EXP-026\n" + "x".repeat(1024 * 1024)).json());

        var result = check(RecordConfig.defaults()).workingTree(repository,
                List.of("experiments/EXP-023.ipynb", "experiments/EXP-026.ipynb"));

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("record-unreadable", "record-too-large");
        assertThat(result.findings().get(0).message()).contains("Duplicate field 'cells'");
        assertThat(result.findings().get(1).location().toString()).isEqualTo("experiments/EXP-026.ipynb:1");
    }

    private static RecordCheck check(RecordConfig config) {
        return new RecordCheck(config);
    }

    private void write(String path, String text) throws Exception {
        var file = repository.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
