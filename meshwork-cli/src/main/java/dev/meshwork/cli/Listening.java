package dev.meshwork.cli;

import dev.meshwork.server.ServerOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where {@code mesh serve} and {@code mesh demo} listen, and the largest request body they take. */
final class Listening {

  @Option(names = "--port", defaultValue = "7420", paramLabel = "PORT",
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--max-body", defaultValue = "1048576", paramLabel = "BYTES",
      description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
  long maxBody;

  /** The server's options; relative paths in applied YAML resolve against the working directory. */
  ServerOptions options() {
    return new ServerOptions(bind, port, maxBody, ServerOptions.DEFAULT_DRAIN, Path.of(""), List.of(), List.of());
  }
}
