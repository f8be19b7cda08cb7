package dev.meshwork.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schema accepts the valid fixtures and the examples, and rejects each invalid fixture. */
class JsonSchemaTest {

  private static final String SCHEMA_RESOURCE = "dev/meshwork/spec/schemas/meshwork-v1.schema.json";
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
  private static final Path EXAMPLES = Path.of("..", "examples");

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonMapper JSON = new JsonMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(true)
      .pathType(PathType.JSON_PATH)
      .build();
  private static final JsonNode SCHEMA_NODE = loadSchemaNode();
  private static final JsonSchema SCHEMA = FACTORY.getSchema(SCHEMA_NODE, CONFIG);

  static Stream<Path> validFiles() throws IOException {
    return Stream.concat(specFiles(FIXTURES.resolve("valid")).stream(), exampleFiles().stream());
  }

  static Stream<Path> invalidFiles() throws IOException {
    return specFiles(FIXTURES.resolve("invalid")).stream();
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);

    List<String> errors = metaSchema.validate(SCHEMA_NODE).stream().map(ValidationMessage::getMessage).toList();

    assertThat(errors)
        .withFailMessage("%s does not follow the draft 2020-12 meta-schema:%n%s", SCHEMA_RESOURCE, lines(errors))
        .isEmpty();
  }

  @Test
  void examplesFolderHoldsSpecFiles() throws IOException {
    assumeTrue(Files.isDirectory(EXAMPLES), "the examples folder does not exist yet");

    assertThat(exampleFiles())
        .withFailMessage("%s exists but holds no *.yaml, *.yml or *.json file", EXAMPLES.toAbsolutePath().normalize())
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFiles")
  void validFileMatchesTheSchema(Path file) throws IOException {
    List<JsonNode> documents = readDocuments(file);
    List<String> errors = errors(documents);

    assertThat(documents).withFailMessage("%s holds no document", file).isNotEmpty();
    assertThat(errors)
        .withFailMessage("%s should match the schema, but has %d error(s):%n%s", file, errors.size(), lines(errors))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void invalidFileIsRejected(Path file) throws IOException {
    List<String> errors = errors(readDocuments(file));

    assertThat(errors)
        .withFailMessage("%s should be rejected by the schema (%s), but has no error", file, firstLine(file))
        .isNotEmpty();
  }

  private static List<String> errors(List<JsonNode> documents) {
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      for (ValidationMessage error : SCHEMA.validate(documents.get(i))) {
        errors.add("  document " + (i + 1) + ": " + error.getMessage());
      }
    }
    return errors;
  }

  private static List<JsonNode> readDocuments(Path file) throws IOException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return List.of(JSON.readTree(file.toFile()));
    }
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      return documents.readAll().stream()
          .filter(document -> document != null && !document.isMissingNode() && !document.isNull())
          .toList();
    }
  }

  private static List<Path> exampleFiles() throws IOException {
    return Files.isDirectory(EXAMPLES) ? specFiles(EXAMPLES) : List.of();
  }

  private static List<Path> specFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).filter(JsonSchemaTest::isSpecFile).sorted().toList();
    }
  }

  private static boolean isSpecFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static String firstLine(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.findFirst().orElse("empty file").replaceFirst("^#\\s*", "");
    }
  }

  private static String lines(List<String> errors) {
    return String.join(System.lineSeparator(), errors);
  }

  private static JsonNode loadSchemaNode() {
    try (InputStream in = JsonSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath; the module copies it from ../schemas");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
    }
  }
}
