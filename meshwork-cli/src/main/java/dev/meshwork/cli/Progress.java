package dev.meshwork.cli;

import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a build as it goes. On a terminal, one line redrawn in place (product, stage, rows,
 * elapsed); otherwise a plain, timestamped line per stage, which logs keep well.
 */
final class Progress implements BuildListener, AutoCloseable {

  private final PrintWriter err;
  private final boolean live;
  private final Clock clock;
  private final ScheduledExecutorService ticker;
  private volatile ProductRef product;
  private volatile String stage = "";
  private volatile long rows;
  private volatile Instant started;
  private int drawn;

  Progress(PrintWriter err, boolean live, Clock clock) {
    this.err = err;
    this.live = live;
    this.clock = clock;
    this.ticker = live ? Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mesh-progress");
      thread.setDaemon(true);
      return thread;
    }) : null;
    if (live) {
      ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stage(ProductRef ref, String next) {
    if (!ref.equals(product)) {
      product = ref;
      started = clock.instant();
      rows = 0;
    }
    stage = next;
    if (live) {
      draw();
    } else {
      synchronized (this) {
        err.println(clock.instant() + " " + ref + " " + next);
        err.flush();
      }
    }
  }

  @Override
  public void rows(ProductRef ref, long count) {
    rows = count;
  }

  @Override
  public void finished(BuildRecord build) {
    if (live) {
      clear();
    }
    product = null;
  }

  private synchronized void draw() {
    ProductRef current = product;
    if (current == null) {
      return;
    }
    String line = String.format(Locale.ROOT, "%s  %-9s  %,d rows  %s", current, stage, rows,
        Text.elapsed(Duration.between(started, clock.instant())));
    err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    err.flush();
    drawn = line.length();
  }

  private synchronized void clear() {
    if (drawn > 0) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
      drawn = 0;
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      clear();
    }
  }
}
