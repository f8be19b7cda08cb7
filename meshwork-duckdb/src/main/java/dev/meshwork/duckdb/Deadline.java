package dev.meshwork.duckdb;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A time limit on one query: when it passes before the query ends, the action watching it runs
 * (on a shared daemon thread) and {@link #passed()} says so afterwards. Without a limit it never
 * passes.
 */
final class Deadline implements AutoCloseable {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "meshwork-query-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private final Duration limit;
  private final AtomicBoolean passed = new AtomicBoolean();
  private ScheduledFuture<?> pending;

  private Deadline(Duration limit) {
    this.limit = limit;
  }

  static Deadline start(Duration limit) {
    return new Deadline(limit);
  }

  /** Runs {@code onPassed} when the limit passes before {@link #close()}. */
  void watch(Runnable onPassed) {
    if (limit == null) {
      return;
    }
    pending = TIMER.schedule(() -> {
      passed.set(true);
      onPassed.run();
    }, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
  }

  boolean passed() {
    return passed.get();
  }

  @Override
  public void close() {
    if (pending != null) {
      pending.cancel(false);
    }
  }
}
