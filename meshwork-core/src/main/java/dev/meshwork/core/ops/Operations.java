package dev.meshwork.core.ops;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.Waiver;
import java.time.Instant;
import dev.meshwork.core.spi.Rows;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.load.LoadedResource;
import java.util.List;
import java.util.Optional;

/**
 * What a platform does for its users. The CLI and the server call it; one implementation runs
 * in-process on a home, another over HTTP. Failures are {@link dev.meshwork.spec.error.MeshException}s.
 */
public interface Operations {

  /**
   * Validates the resources against each other and the platform, then stores them all, or none
   * when anything is invalid.
   *
   * @throws dev.meshwork.spec.error.InvalidException listing every problem
   */
  ApplyResult apply(List<LoadedResource> resources);

  /**
   * Builds one product, or all of them in dependency order; returns each build's record. A
   * failed build is a record with status {@code FAILED}, not an exception.
   */
  List<BuildRecord> build(BuildRequest request, BuildListener listener);

  /** Every product's state, or one product's. */
  List<ProductStatus> status(ProductRef product);

  ProductDescription describe(ProductRef product);

  /** Products matching words of {@code text}, best first. */
  List<SearchHit> search(String text, int limit);

  /** Runs a query over the published products, which it names {@code domain.name}. */
  Rows query(String sql, int maxRows);

  /** A product's publishes, newest first. */
  List<BuildRecord> history(ProductRef product, int limit);

  /**
   * Waives a policy for a product until {@code expiresAt}, for a reason; recorded for good.
   *
   * @throws dev.meshwork.spec.error.NotFoundException when the policy or the product is not applied
   */
  Waiver grantWaiver(String policy, ProductRef product, String justification, Instant expiresAt, String grantedBy);

  /** Waivers, newest first; with {@code includeInactive} also expired and revoked ones. */
  List<Waiver> waivers(boolean includeInactive);

  Waiver revokeWaiver(String waiverId);

  /** Policy evaluations recorded, newest first; {@code resourceId} null for all. */
  List<PolicyResult> policyResults(String resourceId, int limit);

  /**
   * Enforces retention now on the given product, or on every product: data older than the
   * product's {@code spec.retentionDays} is expired, and each run is recorded with
   * {@code trigger}. A product never published is skipped; a product whose expiry fails is
   * returned (and recorded) with its error while the others still run.
   *
   * @throws dev.meshwork.spec.error.NotFoundException when the given product is not applied
   */
  List<RetentionRun> retention(Optional<ProductRef> product, String trigger);

  /** Retention runs recorded, newest first: the given product's or every product's. */
  List<RetentionRun> retentionHistory(Optional<ProductRef> product, int limit);
}
