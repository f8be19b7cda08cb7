package dev.meshwork.server;

import dev.meshwork.spec.error.InvalidException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the server listens: address and port (0 picks a free one), the largest request body, how
 * long stopping waits for running requests, the folder relative SQL, README and data paths of
 * applied YAML resolve against, and the other folders such paths may lead to: applied YAML may
 * name no file outside the spec base and {@code fileFolders}, and refer to no environment
 * variable but {@code secretNames} ({@code NAME} or {@code PREFIX_*}).
 */
public record ServerOptions(String bind, int port, long maxBodyBytes, Duration drainTimeout, Path specBase,
                            List<Path> fileFolders, List<String> secretNames) {

  public static final int DEFAULT_PORT = 7420;
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final long DEFAULT_MAX_BODY = 1024 * 1024;
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(30);

  public ServerOptions {
    if (bind == null || bind.isBlank()) {
      throw new InvalidException("cannot start the server: the bind address is blank");
    }
    if (port < 0 || port > 65535) {
      throw new InvalidException("cannot start the server: port " + port + " is not from 0 to 65535");
    }
    if (maxBodyBytes < 1) {
      throw new InvalidException("cannot start the server: the largest body must be at least 1 byte, not " + maxBodyBytes);
    }
    if (drainTimeout == null || drainTimeout.isNegative()) {
      throw new InvalidException("cannot start the server: the drain timeout must be zero or more");
    }
    specBase = (specBase == null ? Path.of("") : specBase).toAbsolutePath().normalize();
    fileFolders = fileFolders == null ? List.of()
        : fileFolders.stream().map(folder -> folder.toAbsolutePath().normalize()).toList();
    secretNames = secretNames == null ? List.of() : List.copyOf(secretNames);
  }

  /** Where applied YAML may name files: the spec base, then the other folders. */
  public List<Path> readableFolders() {
    List<Path> folders = new ArrayList<>();
    folders.add(specBase);
    folders.addAll(fileFolders);
    return List.copyOf(folders);
  }

  public static ServerOptions of(String bind, int port) {
    return new ServerOptions(bind, port, DEFAULT_MAX_BODY, DEFAULT_DRAIN, null, List.of(), List.of());
  }

  public ServerOptions withMaxBodyBytes(long bytes) {
    return new ServerOptions(bind, port, bytes, drainTimeout, specBase, fileFolders, secretNames);
  }

  public ServerOptions withSpecBase(Path base) {
    return new ServerOptions(bind, port, maxBodyBytes, drainTimeout, base, fileFolders, secretNames);
  }

  /** These options, letting applied YAML also name files in {@code folders}. */
  public ServerOptions withFileFolders(List<Path> folders) {
    return new ServerOptions(bind, port, maxBodyBytes, drainTimeout, specBase, folders, secretNames);
  }

  /** These options, letting sources applied over the API refer to these environment variables. */
  public ServerOptions withSecretNames(List<String> names) {
    return new ServerOptions(bind, port, maxBodyBytes, drainTimeout, specBase, fileFolders, names);
  }
}
