package dev.meshwork.core.ops;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.spec.ProductRef;

/** Hears a build's progress: each stage as it starts, rows as they are read, and the end. */
public interface BuildListener {

  BuildListener NONE = new BuildListener() {};

  /** A stage started: resolve, read, transform, write, stage, audit, publish, expire. */
  default void stage(ProductRef product, String stage) {}

  /** Rows read or written so far in the current stage. */
  default void rows(ProductRef product, long rows) {}

  /** After publishing, the product's retention ran, as recorded (whether it expired anything or failed). */
  default void expired(ProductRef product, RetentionRun run) {}

  default void finished(BuildRecord build) {}
}
