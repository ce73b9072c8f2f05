package io.mlexp.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.ConfigLoader;
import io.mlexp.git.GitCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedCheckTest {
    private static final String CONFIG = "version: 1\nfiles:\n  max-size: 2MB\n";

    @TempDir
    Path dir;

    @Test
    void shouldReportEveryStagedFileInGitsOrderHoweverTheChecksAreShared() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        var expected = new ArrayList<String>();
        for (int i = 0; i < 300; i++) { // many chunks, checked on more than one thread
            var name = String.format("src/m%03d.py", i);
            if (i % 50 == 0) {
                write(String.format("src/m%03d.ckpt", i), "log\n");
                expected.add("file-forbidden@" + String.format("src/m%03d.ckpt", i));
            }
            write(name, i % 7 == 0 ? "key = 'AKIAIOSFODNN7EXAMPL" + (char) ('A' + i % 26) + "'\n" : "x = " + i + "\n");
            if (i % 7 == 0) {
                expected.add("file-secret@" + name);
            }
        }
        git.run("add", "-A");

        var findings = check(CONFIG);

        assertThat(findings).extracting(f -> f.ruleId() + "@" + f.location().file()).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldReadBlobsOverOneMebibyteOnlyWhenARuleAsksAndGoOnAfterThem() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        var big = "x".repeat((int) StagedFiles.INLINE_MAX_BLOB) + "\ntoken = 'ghp_" + "a".repeat(36) + "'\n";
        write("a.txt", "before");
        write("b.txt", big); // the first large blob: the rest is sized first, then read
        write("c.bin", "y".repeat(3 << 20));
        write("d.txt", "between");
        write("e.bin", "z".repeat(5 << 20));
        write("f.txt", "after");
        git.run("add", "-A");

        try (var staged = StagedFiles.open(dir)) {
            var files = staged.list();

            assertThat(files).extracting(RepoFile::path, RepoFile::size).containsExactly(tuple("a.txt", 6L),
                    tuple("b.txt", (long) big.length()), tuple("c.bin", 3L << 20), tuple("d.txt", 7L),
                    tuple("e.bin", 5L << 20), tuple("f.txt", 5L));
            assertThat(text(files.get(5))).isEqualTo("after");
            assertThat(text(files.get(3))).isEqualTo("between");
            assertThat(text(files.get(1))).isEqualTo(big);
            assertThat(files.get(4).content().get()).hasSize(5 << 20);
            assertThat(text(files.get(0))).isEqualTo("before");
        }
        assertThat(check(CONFIG)).extracting(f -> f.ruleId() + "@" + f.location().file())
                .containsExactly("file-secret@b.txt", "file-too-large@c.bin", "file-too-large@e.bin");
    }

    @Test
    void shouldCheckTheStagedContentNotTheWorkingTree() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        write("configs/train.yaml", "seed: [1\n");
        git.run("add", "-A");
        write("configs/train.yaml", "seed: 1\n");

        assertThat(check(CONFIG)).extracting(Finding::ruleId).containsExactly("yaml-syntax");
    }

    @Test
    void shouldCheckWhatACleanFilterStagedNotWhatTheWorkingTreeHolds() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        git.run("config", "filter.redact.clean", "sed s/AKIA/XXXX/");
        git.run("config", "filter.redact.smudge", "cat");
        write(".gitattributes", "*.env filter=redact\n*.txt text eol=crlf\n");
        write("prod.env", "key = 'AKIAIOSFODNN7EXAMPLE'\n"); // the filter takes the key out of what is staged
        write("dev.env", "key = 'BKIAIOSFODNN7EXAMPLE'\n"); // nothing for it to take out
        write("notes.txt", "line one\r\nline two\r\n"); // staged with LF endings
        write("configs/train.yaml", "seed: 1\n");
        Files.createSymbolicLink(dir.resolve("configs/current.yaml"), Path.of("train.yaml"));
        git.run("add", "-A");

        try (var staged = StagedFiles.open(dir)) {
            var files = staged.list();

            assertThat(files).extracting(RepoFile::path).containsExactly(".gitattributes", "configs/current.yaml",
                    "configs/train.yaml", "dev.env", "notes.txt", "prod.env");
            assertThat(files).extracting(StagedCheckTest::text).containsExactly("*.env filter=redact\n*.txt text eol=crlf\n",
                    "train.yaml", "seed: 1\n", "key = 'BKIAIOSFODNN7EXAMPLE'\n", "line one\nline two\n",
                    "key = 'XXXXIOSFODNN7EXAMPLE'\n");
        }
    }

    @Test
    void shouldKeepGitsOrderWhenSomeFilesComeFromTheWorkingTreeAndSomeFromGit() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        var expected = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            var name = String.format("configs/c%03d.yaml", i);
            write(name, "seed: [" + i + "\n");
            expected.add("yaml-syntax@" + name);
        }
        git.run("add", "-A");
        for (int i = 0; i < 100; i += 3) {
            write(String.format("configs/c%03d.yaml", i), "seed: " + i + "\n"); // fixed, but not staged
        }

        assertThat(check(CONFIG)).extracting(f -> f.ruleId() + "@" + f.location().file())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void shouldLetAnInvalidConfigSpeakBeforeAnyFileIsRead() throws Exception {
        var git = GitCli.init(dir);
        git.commit("README.md", "chore: start");
        for (int i = 0; i < 200; i++) {
            write("f" + i + ".txt", "text " + i);
        }
        git.run("add", "-A");

        assertThatThrownBy(() -> check("version: 1\nfiles:\n  max-size: lots\n"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldSayPlainlyWhenTheDirectoryIsNoRepository() {
        assertThatThrownBy(() -> check(CONFIG))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("git diff --cached");
    }

    private List<Finding> check(String config) {
        return new StagedCheck(() -> new FileRules(new ConfigLoader().parse(config, ".mlexp.yml"))).check(dir);
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text);
    }

    private static String text(RepoFile file) {
        return new String(file.content().get(), StandardCharsets.UTF_8);
    }
}
