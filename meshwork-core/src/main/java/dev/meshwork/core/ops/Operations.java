package dev.meshwork.core.ops;

import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.access.AccessFilter;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.AuditFilter;
import dev.meshwork.core.spi.BuildCount;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.Waiver;
import java.time.Instant;
import java.time.LocalDate;
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

  /**
   * Every product, as {@link #status} lists them, with its contract and what the metadata store
   * records of its builds (no snapshot or row count: no table is opened). It costs the same few
   * reads of the store however many products there are, so listings use it rather than
   * {@link #describe} per product.
   */
  List<ProductSummary> products();

  /**
   * How many builds of every product started on each day (UTC) from {@code since} on, per status;
   * oldest day first, then by status. Days without a build are left out.
   *
   * @throws dev.meshwork.spec.error.InvalidException when {@code since} is missing
   */
  List<BuildCount> buildsPerDay(LocalDate since);

  /** Products matching words of {@code text}, best first. */
  List<SearchHit> search(String text, int limit);

  /**
   * Runs a read-only query over the published products, which it names {@code domain.name}; each
   * one read needs a grant (or the caller's own domain), and PII comes back masked unless the grant
   * covers it.
   *
   * @throws dev.meshwork.spec.error.DeniedException when a product read has no grant for the caller
   */
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

  /**
   * Asks to read a product's data; returns the request as recorded, approved at once when the
   * product's approval is automatic, rejected at once when an access policy refuses it.
   *
   * @throws dev.meshwork.spec.error.NotFoundException when the product (or the team or product it is for) does not exist
   * @throws dev.meshwork.spec.error.ConflictException when the caller has such a request pending or granted already
   */
  AccessRequest requestAccess(AccessAsk ask);

  /**
   * Approves a pending request, which becomes a grant.
   *
   * @throws dev.meshwork.spec.error.DeniedException when the caller may not decide it or an access policy forbids it
   */
  AccessRequest approveAccess(String id, String note);

  /** Rejects a pending request, for a reason. */
  AccessRequest rejectAccess(String id, String reason);

  /** Withdraws a grant: its holder gives it up, or a decider takes it back. */
  AccessRequest revokeAccess(String id, String reason);

  /** One access request the caller may see. */
  AccessRequest accessRequest(String id);

  /** The access requests the caller may see that the filter picks, newest first. */
  List<AccessRequest> accessRequests(AccessFilter filter);

  /**
   * The first {@code rows} rows of a published product, as the caller may read them (PII masked
   * unless their grant covers it).
   *
   * @throws dev.meshwork.spec.error.DeniedException when the caller has no grant to read it
   */
  Rows sample(ProductRef product, int rows);

  /**
   * The audit log's entries the filter picks, newest first: who applied, built, published, read,
   * asked for or decided access, waived, expired and authenticated, and the policies' verdicts.
   *
   * @throws dev.meshwork.spec.error.DeniedException when the caller is not a platform admin
   */
  List<AuditEntry> audit(AuditFilter filter);
}
