package dev.meshwork.core.schedule;

import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.BuildSummary;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.StateChange;
import dev.meshwork.core.spi.StateChange.Aspect;
import dev.meshwork.core.spi.StateChange.State;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Sla;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Watches every product: its freshness against {@code spec.sla.freshness}, and whether its last
 * build published. {@link #freshness()} tells how things stand now; {@link #check()}, run by the
 * scheduler, records each change of state in the metadata store, which keeps the history.
 */
public final class Monitor {

  private final Registry registry;
  private final MetadataStore store;
  private final Clock clock;

  public Monitor(Registry registry, MetadataStore store, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
  }

  /** The freshness now of every product that has a freshness SLA, ordered by product. */
  public List<Freshness> freshness() {
    Instant now = clock.instant();
    // every product's last publish in one read, not one per product
    Map<String, BuildSummary> published = byProduct(store.latestBuilds(BuildRecord.Status.PUBLISHED));
    List<Freshness> all = new ArrayList<>();
    for (Registry.Applied applied : registry.all(Kind.DATA_PRODUCT)) {
      BuildSummary last = published.get(applied.stored().id());
      freshnessOf(applied, last == null ? null : last.finishedAt(), now).ifPresent(all::add);
    }
    return all;
  }

  /**
   * The freshness now of one product; empty when it has no freshness SLA.
   *
   * @throws dev.meshwork.spec.error.NotFoundException when the product is not applied
   */
  public Optional<Freshness> freshness(ProductRef product) {
    return freshnessOf(registry.requireProduct(product), clock.instant());
  }

  /** The recorded changes of freshness and build health, newest first; {@code product} null for every product. */
  public List<StateChange> history(ProductRef product, int limit) {
    return store.stateChanges(product == null ? null : product.toString(), limit);
  }

  /** Each product's recorded current states (freshness, builds), ordered by product. */
  public List<StateChange> states() {
    return store.currentStates();
  }

  /**
   * Compares every product's freshness and last build with the states recorded, and records each
   * change; returns the changes recorded.
   */
  public List<StateChange> check() {
    Instant now = clock.instant();
    Map<String, StateChange> current = new HashMap<>();
    for (StateChange change : store.currentStates()) {
      current.put(change.product() + " " + change.aspect(), change);
    }
    // every product's last publish and last build in two reads, not two per product
    Map<String, BuildSummary> published = byProduct(store.latestBuilds(BuildRecord.Status.PUBLISHED));
    Map<String, BuildSummary> last = byProduct(store.latestBuilds(null));
    List<StateChange> changes = new ArrayList<>();
    for (Registry.Applied applied : registry.all(Kind.DATA_PRODUCT)) {
      String product = applied.stored().id();
      BuildSummary publish = published.get(product);
      freshnessOf(applied, publish == null ? null : publish.finishedAt(), now).ifPresent(freshness -> record(product,
          Aspect.FRESHNESS, freshness.late() ? State.LATE : State.FRESH, freshness.describe(), current, now, changes));
      BuildSummary build = last.get(product);
      if (build != null && build.status() != BuildRecord.Status.RUNNING) {
        record(product, Aspect.BUILDS, build.status() == BuildRecord.Status.PUBLISHED ? State.PASSING : State.FAILING,
            describe(build), current, now, changes);
      }
    }
    return changes;
  }

  private static Map<String, BuildSummary> byProduct(Map<ProductRef, BuildSummary> builds) {
    Map<String, BuildSummary> byProduct = new HashMap<>();
    builds.forEach((ref, build) -> byProduct.put(ref.toString(), build));
    return byProduct;
  }

  private void record(String product, Aspect aspect, State state, String detail, Map<String, StateChange> current,
                      Instant now, List<StateChange> changes) {
    StateChange previous = current.get(product + " " + aspect);
    if (previous != null && previous.to() == state) {
      return;
    }
    // a change is never recorded at or before the one it follows, so that the latest is the current state
    Instant at = previous == null || now.isAfter(previous.at()) ? now : previous.at().plus(1, ChronoUnit.MICROS);
    StateChange change = new StateChange(UUID.randomUUID().toString(), product,
        previous == null ? null : previous.to(), state, detail, at, null);
    store.recordStateChange(change);
    changes.add(change);
  }

  private Optional<Freshness> freshnessOf(Registry.Applied applied, Instant now) {
    DataProduct product = (DataProduct) applied.resource();
    if (product.spec().sla() == null || product.spec().sla().freshness() == null) {
      return Optional.empty();
    }
    Instant published = store.builds(product.ref(), BuildRecord.Status.PUBLISHED, 1).stream()
        .findFirst().map(BuildRecord::finishedAt).orElse(null);
    return freshnessOf(applied, published, now);
  }

  /** A product's freshness given when it last published (null when never); empty when it has no freshness SLA. */
  private static Optional<Freshness> freshnessOf(Registry.Applied applied, Instant published, Instant now) {
    DataProduct product = (DataProduct) applied.resource();
    Sla sla = product.spec().sla();
    if (sla == null || sla.freshness() == null) {
      return Optional.empty();
    }
    return Optional.of(FreshnessRule.evaluate(product.ref(), product.metadata().owner(), sla.freshness(), published,
        applied.stored().updatedAt(), now));
  }

  private static String describe(BuildSummary build) {
    String product = build.product().toString();
    return switch (build.status()) {
      case PUBLISHED -> product + " built: build " + build.id() + " published"
          + (build.snapshotId() == null ? "" : " snapshot " + build.snapshotId()) + " at " + build.finishedAt();
      case INTERRUPTED -> product + " failed to build: build " + build.id() + " was interrupted at "
          + build.stage() + ": " + build.error();
      default -> product + " failed to build: build " + build.id() + " failed at " + build.stage() + ": "
          + build.error();
    };
  }
}
