package dev.meshwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The login {@code mesh login} stores: a server's address and a token for it, in
 * {@code $XDG_CONFIG_HOME/meshwork/login.json} (else {@code $HOME/.config/meshwork/login.json}),
 * readable by its owner only. Without either variable there is no place for it.
 */
final class Logins {

  /** A stored login. */
  record Login(String url, String token) {}

  static final String FILE = "login.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  private Logins(Path file) {
    this.file = file;
  }

  static Logins of(Map<String, String> environment) {
    String xdg = environment.get("XDG_CONFIG_HOME");
    String home = environment.get("HOME");
    Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
        : home != null && !home.isBlank() ? Path.of(home, ".config") : null;
    return new Logins(config == null ? null : config.resolve("meshwork").resolve(FILE));
  }

  /** Where the login is kept, when there is a place for it. */
  Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  Optional<Login> read() {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode stored = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      String url = stored == null ? null : stored.path("url").asText(null);
      String token = stored == null ? null : stored.path("token").asText(null);
      if (url == null || token == null) {
        throw new InvalidException("cannot read the login in " + file + ": it lacks url or token; run mesh login again");
      }
      return Optional.of(new Login(url, token));
    } catch (IOException e) {
      throw new InvalidException("cannot read the login in " + file + ": it is not JSON; run mesh login again");
    }
  }

  /** Stores the login, replacing any other, in a file only its owner may read. */
  Path write(Login login) {
    if (file == null) {
      throw new InvalidException("cannot store the login: neither XDG_CONFIG_HOME nor HOME is set");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("url", login.url());
    fields.put("token", login.token());
    Path folder = file.getParent();
    try {
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder);
        restrict(folder, "rwx------");
      }
      Path temp = folder.resolve(FILE + ".new");
      Files.deleteIfExists(temp);
      create(temp);
      Files.writeString(temp, JSON.writeValueAsString(fields) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new InvalidException("cannot store the login in " + file + ": " + e.getMessage());
    }
  }

  /** Removes the stored login; whether there was one. */
  boolean delete() {
    if (file == null) {
      return false;
    }
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new InvalidException("cannot remove the login in " + file + ": " + e.getMessage());
    }
  }

  /** Creates an empty file only its owner may read and write (where the file system knows owners). */
  private static void create(Path path) throws IOException {
    try {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(path);
    } catch (FileAlreadyExistsException e) {
      restrict(path, "rw-------");
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules apply
    }
  }
}
