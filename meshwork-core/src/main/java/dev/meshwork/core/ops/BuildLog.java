package dev.meshwork.core.ops;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.spec.ProductRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * Appends every build's stages and outcome to a log file in the home ({@code logs/builds.log}),
 * and passes them on to the caller's listener. Failing to write the log never fails a build.
 */
final class BuildLog implements BuildListener {

  private final Path file;
  private final Clock clock;
  private final BuildListener next;

  BuildLog(Path file, Clock clock, BuildListener next) {
    this.file = file;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public void stage(ProductRef product, String stage) {
    append(product + " " + stage);
    next.stage(product, stage);
  }

  @Override
  public void rows(ProductRef product, long rows) {
    next.rows(product, rows);
  }

  @Override
  public void expired(ProductRef product, RetentionRun run) {
    next.expired(product, run);
  }

  @Override
  public void finished(BuildRecord build) {
    append(build.product() + " " + build.status() + (build.snapshotId() == null ? "" : " snapshot " + build.snapshotId())
        + " rows " + build.rows() + (build.error() == null ? "" : " error " + build.error().replace('\n', ' ')));
    next.finished(build);
  }

  private synchronized void append(String line) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, clock.instant() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log is a convenience; the build's record in the store is what counts
    }
  }
}
