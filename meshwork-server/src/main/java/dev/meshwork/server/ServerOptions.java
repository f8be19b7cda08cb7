package dev.meshwork.server;

import dev.meshwork.spec.error.InvalidException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server listens: address and port (0 picks a free one), the largest request body, how
 * long stopping waits for running requests, and the folder relative SQL and data paths of
 * applied YAML resolve against.
 */
public record ServerOptions(String bind, int port, long maxBodyBytes, Duration drainTimeout, Path specBase) {

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
  }

  public static ServerOptions of(String bind, int port) {
    return new ServerOptions(bind, port, DEFAULT_MAX_BODY, DEFAULT_DRAIN, null);
  }

  public ServerOptions withMaxBodyBytes(long bytes) {
    return new ServerOptions(bind, port, bytes, drainTimeout, specBase);
  }

  public ServerOptions withSpecBase(Path base) {
    return new ServerOptions(bind, port, maxBodyBytes, drainTimeout, base);
  }
}
