package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.files.RepoFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepoReaderTest {
    @Test
    void shouldReadARevisionsFilesByPathAndNothingOutsideTheRepository() {
        var files = List.of(new RepoFile("configs/base.yaml", 3, () -> "a: 1".getBytes(StandardCharsets.UTF_8)),
                new RepoFile("secret.yaml", 3, () -> "b: 2".getBytes(StandardCharsets.UTF_8)));
        var reader = RepoReader.of(files);

        assertThat(reader.read("configs/base.yaml")).isPresent();
        assertThat(reader.read("./configs/../configs/base.yaml")).isPresent();
        assertThat(reader.read("../secret.yaml")).isEmpty();
        assertThat(reader.read("/secret.yaml")).isEmpty();
        assertThat(reader.read("configs/missing.yaml")).isEmpty();
    }
}
