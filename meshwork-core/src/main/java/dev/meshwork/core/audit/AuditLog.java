package dev.meshwork.core.audit;

import dev.meshwork.core.access.Reading;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.AuditFilter;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.spec.error.DeniedException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The platform's append-only audit log: who applied, built, published, read, asked for, granted or
 * withdrew access, waived, expired, authenticated, and what the policies decided.
 *
 * <p>An entry is written in the same call as what it records, right after that took effect (or
 * was denied), never before: an operation that fails leaves no entry claiming it happened. When the
 * entry cannot be written, the call fails with an {@link EngineException} saying so, even though
 * the operation itself completed and its own record is whole; nothing is rolled back, and no call
 * returns normally without its entry. Reads count their rows first and return them only once the
 * read is recorded, so no data leaves unrecorded.
 */
public final class AuditLog {

  /** The actor of what the platform approves by itself. */
  public static final String AUTO = AccessRequest.AUTO;
  /** The actor of policy verdicts, and of access requests the access policies reject. */
  public static final String POLICY = "policy";
  /** The actor of what runs on a schedule. */
  public static final String SCHEDULER = "scheduler";
  /** The actor of a token that belongs to nobody known. */
  public static final String ANONYMOUS = "anonymous";

  public static final String PRODUCT = "DataProduct";
  public static final String TOKEN = "ApiToken";
  public static final String USER = "User";
  public static final String TEAM = "Team";

  /** The longest details kept, in characters, on one line; longer ones are cut, ending in an ellipsis. */
  public static final int MAX_DETAILS = 1000;

  private final MetadataStore store;
  private final Clock clock;

  public AuditLog(MetadataStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Records that {@code actor} did {@code action} on a resource, successfully. */
  public AuditEntry ok(String actor, String action, String kind, String id, String details) {
    return record(actor, action, kind, id, AuditEntry.OK, details, null);
  }

  /**
   * Records an entry now and returns it.
   *
   * @throws EngineException when it cannot be written
   */
  public AuditEntry record(String actor, String action, String kind, String id, String outcome, String details,
                           Long rows) {
    try {
      AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
          actor, action, kind, id, outcome, shorten(details), rows);
      store.appendAudit(entry);
      return entry;
    } catch (RuntimeException e) {
      throw new EngineException("cannot record in the audit log that " + actor + " did " + action
          + (id == null ? "" : " on " + kind + " " + id) + " (" + outcome + "): " + message(e), e);
    }
  }

  /**
   * Sums up one evaluation of the policies on a resource at an event ({@code apply}, {@code build},
   * {@code access}), by {@link #POLICY}: "policy check on apply of shop.sales: 2 passed, 1 failed
   * (pii-protected)", failed when a policy failed.
   */
  public AuditEntry policyCheck(String kind, String id, String event, List<PolicyResult> results) {
    Map<PolicyResult.Outcome, Long> counts = new EnumMap<>(PolicyResult.Outcome.class);
    results.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
    List<String> failed = results.stream().filter(r -> r.outcome() == PolicyResult.Outcome.FAILED)
        .map(PolicyResult::policy).toList();
    String summary = counts.entrySet().stream()
        .map(c -> c.getValue() + " " + c.getKey().name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    return record(POLICY, AuditEntry.POLICY, kind, id, failed.isEmpty() ? AuditEntry.OK : AuditEntry.FAILED,
        "policy check on " + event + " of " + id + ": " + summary
            + (failed.isEmpty() ? "" : " (" + String.join(", ", failed) + ")"), null);
  }

  /**
   * Records a read of products' rows ({@code how}: query or sample), one entry per product read,
   * each with the rows the read returned, why the actor could read it, and whether PII was in clear.
   */
  public void reads(String actor, String how, List<Reading> readings, long rows) {
    Map<String, Reading> byProduct = new LinkedHashMap<>();
    readings.forEach(r -> byProduct.putIfAbsent(r.product(), r));
    for (Reading reading : byProduct.values()) {
      String others = byProduct.keySet().stream().filter(p -> !p.equals(reading.product()))
          .collect(Collectors.joining(", "));
      record(actor, AuditEntry.READ, PRODUCT, reading.product(), AuditEntry.OK, how + " " + via(reading)
          + (reading.pii() ? ", PII in clear" : ", PII masked") + (others.isEmpty() ? "" : "; it also read " + others),
          rows);
    }
  }

  /** Records a retention run on its product, failed when its expiry failed. */
  public AuditEntry retention(String actor, RetentionRun run) {
    String details = "trigger " + run.trigger() + ": " + (run.failed() ? run.error()
        : "expired " + count(run.snapshots(), "snapshot") + ", " + count(run.partitions(), "partition") + ", "
            + count(run.files(), "file") + " older than " + run.cutoff());
    return record(actor, AuditEntry.RETENTION, PRODUCT, run.product(), run.failed() ? AuditEntry.FAILED : AuditEntry.OK,
        details, null);
  }

  /**
   * Runs {@code attempt}; when it is denied, records the denial (its message as the details) and
   * throws the {@link DeniedException} on. Other failures pass through unrecorded.
   */
  public <T> T unlessDenied(String actor, String action, String kind, String id, Supplier<T> attempt) {
    try {
      return attempt.get();
    } catch (DeniedException denied) {
      try {
        record(actor, action, kind, id, AuditEntry.DENIED, denied.getMessage(), null);
      } catch (EngineException e) {
        e.addSuppressed(denied);
        throw e;
      }
      throw denied;
    }
  }

  /** The entries the filter picks, newest first. */
  public List<AuditEntry> entries(AuditFilter filter) {
    return store.audit(filter);
  }

  private static String via(Reading reading) {
    switch (reading.via()) {
      case "admin":
        return "as a platform admin";
      case "domain":
        return "as a maintainer of its domain";
      default:
        return "under grant " + reading.via();
    }
  }

  private static String count(int count, String thing) {
    return count + " " + thing + (count == 1 ? "" : "s");
  }

  private static String shorten(String details) {
    if (details == null || details.isBlank()) {
      return null;
    }
    String text = details.strip().replaceAll("\\s*\\R\\s*", " ");
    return text.length() <= MAX_DETAILS ? text : text.substring(0, MAX_DETAILS - 1) + "…";
  }

  private static String message(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
