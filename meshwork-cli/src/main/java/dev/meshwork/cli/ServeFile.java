package dev.meshwork.cli;

import dev.meshwork.core.Home;
import dev.meshwork.spec.error.ConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code server.url} in a home: the address {@code mesh serve} listens on while it serves the
 * home, so that commands on the same home go to the server instead of waiting for the home. The
 * server removes it when it stops; one left behind by a server that died is ignored (and
 * removed), since then nothing holds the home.
 */
final class ServeFile {

  static final String NAME = "server.url";

  private ServeFile() {}

  static void write(Home home, String url) {
    try {
      Files.writeString(file(home), url + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(home) + ": " + e.getMessage(), e);
    }
  }

  static void delete(Home home) {
    try {
      Files.deleteIfExists(file(home));
    } catch (IOException e) {
      // a stale file is ignored by live() anyway
    }
  }

  /** The address of the server serving {@code home}, when one is. */
  static Optional<String> live(Home home) {
    Path file = file(home);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Home.Lock lock;
    try {
      lock = home.lock();
    } catch (ConflictException held) {
      try {
        String url = Files.readString(file, StandardCharsets.UTF_8).strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    lock.close();
    delete(home);
    return Optional.empty();
  }

  /** The address to write for a server bound to {@code bind}: a wildcard address is reached on loopback. */
  static String url(String bind, int port) {
    String host = bind.strip();
    if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    } else if (host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0")) {
      host = "[::1]";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }

  private static Path file(Home home) {
    return home.dir().resolve(NAME);
  }
}
