package dev.meshwork.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Loads the chunk files of one ingest on a thread of its own, in the order they are handed over,
 * while the next chunk is still being written: the first chunk creates the table, the others
 * insert into it. Each loaded chunk is deleted (the writer deletes what is left). A failure stops
 * the loader and is kept for {@link #finish()}; the writer never waits on a loader that has stopped.
 */
final class ChunkLoader {

  /** Loads one chunk file; {@code first} creates the table. */
  interface Load {
    void load(Path chunk, boolean first) throws SQLException;
  }

  /** Thrown to the writer when the loader has stopped; {@link #finish()} tells why. */
  static final class Stopped extends Exception {
    Stopped() {
      super("the loader has stopped", null, false, false);
    }
  }

  private static final Path END = Path.of("");
  private static final int WAITING_CHUNKS = 4;

  private final Load load;
  private final BlockingQueue<Path> chunks = new ArrayBlockingQueue<>(WAITING_CHUNKS);
  private final Thread thread;
  private volatile boolean created;
  private volatile boolean abandoned;
  private volatile RuntimeException unexpected;
  private volatile SQLException failure;

  ChunkLoader(Load load, String name) {
    this.load = load;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Hands a complete chunk over, waiting while {@value #WAITING_CHUNKS} chunks wait already. */
  void handOver(Path chunk) throws Stopped {
    try {
      while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
        if (!thread.isAlive()) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
    if (!thread.isAlive() && chunks.remove(chunk)) {
      throw new Stopped();
    }
  }

  /** Waits until every chunk handed over is loaded; throws the loader's failure, if any. */
  void finish() throws SQLException {
    try {
      handOver(END);
    } catch (Stopped e) {
      // the failure below tells why
    }
    join();
    if (failure != null) {
      throw failure;
    }
    if (unexpected != null) {
      throw unexpected;
    }
  }

  /** Whether the first chunk created the table. */
  boolean created() {
    return created;
  }

  /** Stops loading after the chunk being loaded and waits for that; returns whether the table was created. */
  boolean abandon() {
    abandoned = true;
    thread.interrupt();
    join();
    return created;
  }

  private void join() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      for (Path chunk = chunks.take(); chunk != END && !abandoned; chunk = chunks.take()) {
        load.load(chunk, !created);
        created = true;
        delete(chunk);
      }
    } catch (InterruptedException e) {
      // abandoned: the writer cleans up
    } catch (SQLException e) {
      failure = e;
    } catch (RuntimeException e) {
      unexpected = e;
    }
  }

  private static void delete(Path chunk) {
    try {
      Files.deleteIfExists(chunk);
    } catch (IOException e) {
      // the writer deletes every chunk it wrote at the end
    }
  }
}
