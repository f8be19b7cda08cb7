package dev.meshwork.core;

import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Where a platform keeps its state: {@code --home}, else {@code MESH_HOME}, else {@code ./.meshwork}.
 * It holds {@code meshwork.yaml}, the metadata database ({@code meta/}), the tables ({@code lake/}),
 * keys ({@code keys/}), logs ({@code logs/}) and temporary files ({@code tmp/}).
 */
public record Home(Path dir) {

  public static final String ENV = "MESH_HOME";
  public static final String DEFAULT = ".meshwork";
  public static final String CONFIG_FILE = "meshwork.yaml";

  public Home {
    dir = dir.toAbsolutePath().normalize();
  }

  public static Home locate(Path option, Map<String, String> env) {
    if (option != null) {
      return new Home(option);
    }
    String fromEnv = env.get(ENV);
    return new Home(fromEnv == null || fromEnv.isBlank() ? Path.of(DEFAULT) : Path.of(fromEnv));
  }

  public Path config() {
    return dir.resolve(CONFIG_FILE);
  }

  public Path meta() {
    return dir.resolve("meta");
  }

  public Path lake() {
    return dir.resolve("lake");
  }

  public Path keys() {
    return dir.resolve("keys");
  }

  public Path logs() {
    return dir.resolve("logs");
  }

  public Path temp() {
    return dir.resolve("tmp");
  }

  /** Creates the home's folders when they are missing. */
  public void create() {
    try {
      for (Path folder : new Path[] {dir, meta(), lake(), keys(), logs(), temp()}) {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new InvalidException("cannot create the platform home " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Takes the home for this process. The lock goes away with the process, however it ends.
   *
   * @throws ConflictException when another process holds the home
   */
  public Lock lock() {
    create();
    Path file = dir.resolve(".lock");
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        channel.close();
        throw new ConflictException("cannot open the platform home " + dir + ": it is in use by another process"
            + (holder.isEmpty() ? "" : " (pid " + holder + ")")
            + "; wait for it to finish, or stop the server that serves this home");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      return new Lock(channel, lock);
    } catch (IOException e) {
      throw new InvalidException("cannot lock the platform home " + dir + ": " + e.getMessage());
    }
  }

  /** The hold on a home; closing it lets other processes in. */
  public record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // the lock dies with the channel anyway
      }
    }
  }
}
