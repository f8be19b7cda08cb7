package dev.meshwork.cli;

import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh schema}: prints or writes the JSON Schema of the resource format, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {"Print the JSON Schema (draft 2020-12) of Meshwork resources, or write it to a file.",
        "Point an editor at it with a first line: # yaml-language-server: $schema=PATH"})
final class SchemaCommand implements Callable<Integer> {

  static final String RESOURCE = "/dev/meshwork/spec/schemas/meshwork-v1.schema.json";

  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of printing it.")
  Path out;

  @Override
  public Integer call() throws IOException {
    String schema;
    try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the JSON Schema is missing from the jar");
      }
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (out == null) {
      spec.commandLine().getOut().print(schema);
    } else {
      try {
        Files.writeString(out, schema, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InvalidException("cannot write " + out + ": " + e.getMessage());
      }
      spec.commandLine().getOut().println("Wrote " + out);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
