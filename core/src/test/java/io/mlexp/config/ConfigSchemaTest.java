package io.mlexp.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path EXAMPLES = Path.of("..", "examples");

    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(ConfigSchemaTest.class.getResourceAsStream("/mlexp-schema.json"));

    static Stream<Path> exampleConfigs() throws IOException {
        try (var files = Files.walk(EXAMPLES)) {
            List<Path> configs = files.filter(p -> p.getFileName().toString().equals(ConfigLoader.FILE_NAME)).toList();
            assertThat(configs).isNotEmpty();
            return configs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleConfigs")
    void shouldValidateEveryExampleConfigAgainstTheSchema(Path config) throws IOException {
        assertThat(validate(Files.readString(config))).isEmpty();
        assertThat(new ConfigLoader().load(config, config.toString())).isNotNull();
    }

    @Test
    void shouldValidateTheInitTemplateAndLoadItAsTheDefaults() throws IOException {
        assertThat(validate(ConfigTemplate.text())).isEmpty();
        assertThat(new ConfigLoader().parse(ConfigTemplate.text(), "init")).isEqualTo(MlexpConfig.defaults());
    }

    @Test
    void shouldRefuseWhatTheLoaderRefuses() throws IOException {
        assertThat(validate("version: 1\ncommits: { subject-max-lenght: 3 }\n")).isNotEmpty();
        assertThat(validate("version: 2\n")).isNotEmpty();
        assertThat(validate("version: 1\nfiles: { max-size: -5MB }\n")).isNotEmpty();
        assertThat(validate("version: 1\nsmoke: { timeout: 10 minutes }\n")).isNotEmpty();
    }

    @Test
    void shouldShipTheSameSchemaInDocs() throws IOException {
        try (var in = ConfigSchemaTest.class.getResourceAsStream("/mlexp-schema.json")) {
            assertThat(Files.readString(Path.of("..", "docs", "mlexp-schema.json")))
                    .isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private Set<ValidationMessage> validate(String yaml) throws IOException {
        JsonNode node = YAML.readTree(yaml);
        return schema.validate(node);
    }
}
