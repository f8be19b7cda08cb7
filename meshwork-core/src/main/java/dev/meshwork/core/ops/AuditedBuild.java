package dev.meshwork.core.ops;

import dev.meshwork.core.audit.AuditLog;
import dev.meshwork.core.build.Builder;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import java.util.Locale;

/**
 * One build with its audit entries, all by the caller: {@code build.start} before it runs; once it
 * ended, {@code publish} with the rows published, {@code retention} for the expiry that followed,
 * and {@code build.end} with its outcome. It listens to the build for the expiry and passes every
 * event on.
 */
final class AuditedBuild implements BuildListener {

  private final BuildListener next;
  private RetentionRun expiry;

  private AuditedBuild(BuildListener next) {
    this.next = next;
  }

  static BuildRecord run(Builder builder, AuditLog audit, String actor, DataProduct product, BuildRequest request,
                         BuildListener listener) {
    String ref = product.ref().toString();
    audit.ok(actor, AuditEntry.BUILD_START, AuditLog.PRODUCT, ref, scope(request));
    AuditedBuild heard = new AuditedBuild(listener);
    BuildRecord record;
    try {
      record = builder.build(product, request, heard);
    } catch (RuntimeException e) {
      try {
        audit.record(actor, AuditEntry.BUILD_END, AuditLog.PRODUCT, ref, AuditEntry.FAILED, e.getMessage(), null);
      } catch (EngineException unrecorded) {
        unrecorded.addSuppressed(e);
        throw unrecorded;
      }
      throw e;
    }
    boolean published = record.status() == BuildRecord.Status.PUBLISHED;
    if (published) {
      audit.record(actor, AuditEntry.PUBLISH, AuditLog.PRODUCT, ref, AuditEntry.OK, "build " + record.id()
          + ": version " + record.version() + ", snapshot " + record.snapshotId(), record.rows());
    }
    if (heard.expiry != null) {
      audit.retention(actor, heard.expiry);
    }
    audit.record(actor, AuditEntry.BUILD_END, AuditLog.PRODUCT, ref, published ? AuditEntry.OK : AuditEntry.FAILED,
        "build " + record.id() + " " + record.status().name().toLowerCase(Locale.ROOT)
            + (record.error() == null ? "" : ": " + record.error()), record.rows());
    return record;
  }

  /** What the request rebuilds, when it says; null for the product's default. */
  private static String scope(BuildRequest request) {
    if (request.partition() != null) {
      return "partition " + request.partition();
    }
    if (request.from() != null) {
      return "range " + request.from() + ".." + request.to();
    }
    return request.full() ? "whole table" : null;
  }

  @Override
  public void stage(ProductRef product, String stage) {
    next.stage(product, stage);
  }

  @Override
  public void rows(ProductRef product, long rows) {
    next.rows(product, rows);
  }

  @Override
  public void expired(ProductRef product, RetentionRun run) {
    expiry = run;
    next.expired(product, run);
  }

  @Override
  public void finished(BuildRecord build) {
    next.finished(build);
  }
}
