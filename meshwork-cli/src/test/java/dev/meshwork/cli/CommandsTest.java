package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"source-aligned", "aggregate", "consumer-aligned"})
  void initScaffoldsAProductThatValidates(String template) throws IOException {
    Path folder = dir.resolve("daily");
    Cli init = Cli.run("init", "--domain", "orders", "--name", "daily", "--template", template, "--dir", folder.toString());

    assertThat(init.exit()).isZero();
    assertThat(init.out()).startsWith("Created orders.daily (" + template + "):\n");
    assertThat(folder.resolve("product.yaml")).exists();
    assertThat(folder.resolve("daily.sql")).exists();
    assertThat(Files.readString(folder.resolve("README.md"))).startsWith("# Daily (`orders.daily`)");
    Cli validate = Cli.run("validate", folder.toString());
    assertThat(validate.exit()).as(validate.out()).isZero();
    assertThat(validate.out().lines().filter(line -> line.startsWith(folder.toString())))
        .as("only warnings about the domain and inputs, which live on the platform")
        .allMatch(line -> line.contains(": warning: metadata.domain: ") || line.contains(": warning: spec.inputs["));
    assertThat(validate.out()).contains("valid: 1 resource in 1 file");
  }

  @Test
  void initNeverOverwrites() throws IOException {
    Path folder = dir.resolve("daily");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("README.md"), "mine");

    Cli init = Cli.run("init", "--domain", "orders", "--name", "daily", "--dir", folder.toString());

    assertThat(init.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(init.err()).isEqualTo("mesh: cannot scaffold orders.daily: " + folder.resolve("README.md")
        + " exists already (nothing was written)\n");
    assertThat(Files.readString(folder.resolve("README.md"))).isEqualTo("mine");
    try (var files = Files.list(folder)) {
      assertThat(files.toList()).containsExactly(folder.resolve("README.md"));
    }
  }

  @Test
  void initRefusesBadNamesAndTemplates() {
    Cli badName = Cli.run("init", "--domain", "orders", "--name", "../x", "--dir", dir.resolve("x").toString());
    assertThat(badName.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badName.err()).isEqualTo("mesh: '../x' is not a valid product name: use lowercase letters, digits,"
        + " '-' and '_', starting with a letter\n");

    Cli badTemplate = Cli.run("init", "--domain", "orders", "--name", "x", "--template", "agregate");
    assertThat(badTemplate.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badTemplate.err()).contains("unknown template 'agregate' (expected one of source-aligned, aggregate,"
        + " consumer-aligned) (did you mean 'aggregate'?)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"init", "validate", "schema", "completion"})
  void everyCommandHasHelp(String command) {
    Cli help = Cli.run(command, "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: mesh " + command).contains("--home=DIR").contains("--output=FORMAT");
  }

  @Test
  void globalOptionsWorkBeforeOrAfterTheCommand() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "kind: Nope\n");

    assertThat(Cli.run("--output", "json", "validate", file.toString()).out()).startsWith("{");
    assertThat(Cli.run("validate", "-o", "JSON", file.toString()).out()).startsWith("{");
  }

  @Test
  void completionScriptCoversTheCommands() {
    Cli completion = Cli.run("completion");

    assertThat(completion.exit()).isZero();
    assertThat(completion.out()).contains("complete -F _complete_mesh").contains("validate").contains("init")
        .contains("source-aligned");
  }

  @Test
  void schemaIsTheRepositorysJsonSchema() throws IOException {
    Path out = dir.resolve("schema.json");
    Cli schema = Cli.run("schema", "--out", out.toString());

    assertThat(schema.exit()).isZero();
    assertThat(Files.readString(out)).isEqualTo(Files.readString(Path.of("..", "schemas", "meshwork-v1.schema.json")));
    assertThat(new ObjectMapper().readTree(out.toFile()).get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void versionAndUsage() {
    assertThat(Cli.run("--version").out()).startsWith("mesh ");
    Cli usage = Cli.run();
    assertThat(usage.exit()).isZero();
    assertThat(usage.out()).contains("Commands:").contains("validate").contains("Exit codes: 0 ok, 1 a check failed");
  }

  @Test
  void unexpectedFailuresPrintNoStackTrace() {
    Failures failures = new Failures();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = MeshCommand.commandLine();
    cli.setErr(new java.io.PrintWriter(err, true));

    int exit = failures.handleExecutionException(new IllegalStateException("boom"), cli, null);

    assertThat(exit).isEqualTo(ExitCodes.INTERNAL);
    assertThat(List.of(err.toString().split("\n"))).containsExactly(
        "mesh: internal error: IllegalStateException: boom",
        "mesh: this is a bug in Meshwork; run again with MESH_DEBUG=1 to see where it happened");
  }
}
