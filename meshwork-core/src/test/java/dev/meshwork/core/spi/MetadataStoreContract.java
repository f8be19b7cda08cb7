package dev.meshwork.core.spi;

import static dev.meshwork.core.spi.BuildRecord.Status.FAILED;
import static dev.meshwork.core.spi.BuildRecord.Status.INTERRUPTED;
import static dev.meshwork.core.spi.BuildRecord.Status.PUBLISHED;
import static dev.meshwork.core.spi.BuildRecord.Status.RUNNING;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwork.core.spi.BuildRecord.InputRead;
import dev.meshwork.core.spi.BuildRecord.RuleResult;
import dev.meshwork.core.spi.PolicyResult.Outcome;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MetadataStore} guarantees. An implementation's test extends this; each test
 * gets a store on a fresh, empty database, closed afterwards. Instants given to the store have
 * millisecond precision: a store keeps at least that.
 */
public abstract class MetadataStoreContract
    implements ScheduleStoreContract, AccessStoreContract, AuditStoreContract, BuildListingContract,
    WebSessionStoreContract {

  private static final ProductRef DAILY = new ProductRef("orders", "daily");
  private static final ProductRef CUSTOMERS = new ProductRef("crm", "customers");
  private static final Instant T0 = Instant.parse("2026-11-20T06:00:00.123Z");

  protected MetadataStore store;

  /** A store on a fresh, empty database. */
  protected abstract MetadataStore newStore();

  /** Another store on the database of the last {@link #newStore()}, which has been closed. */
  protected abstract MetadataStore reopen();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  public MetadataStore store() {
    return store;
  }

  @Override
  public void reopenStore() {
    store.close();
    store = reopen();
  }

  @Test
  void theFirstApplyStoresGenerationOneAndReturnsTheStoredResources() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<StoredResource> stored = store.apply(List.of(
        resource(Kind.DOMAIN, "orders", null, "kind: Domain"),
        resource(Kind.DATA_PRODUCT, "orders.daily", "orders", "kind: DataProduct")));
    Instant after = Instant.now();

    assertThat(stored).extracting(StoredResource::kind, StoredResource::id, StoredResource::domain,
            StoredResource::document, StoredResource::hash, StoredResource::generation)
        .containsExactly(
            tuple(Kind.DOMAIN, "orders", null, "kind: Domain", hash("kind: Domain"), 1),
            tuple(Kind.DATA_PRODUCT, "orders.daily", "orders", "kind: DataProduct",
                hash("kind: DataProduct"), 1));
    assertThat(stored).allSatisfy(r -> assertThat(r.updatedAt()).isBetween(before, after));
    assertThat(store.resource(Kind.DOMAIN, "orders")).contains(stored.get(0));
    assertThat(store.resource(Kind.DATA_PRODUCT, "orders.daily")).contains(stored.get(1));
  }

  @Test
  void anUnchangedDocumentKeepsItsGenerationAndTime() {
    StoredResource first = store.apply(List.of(resource(Kind.SOURCE, "orders.shop", "orders", "v1"))).get(0);

    List<StoredResource> again = store.apply(List.of(resource(Kind.SOURCE, "orders.shop", "orders", "v1")));

    assertThat(again).containsExactly(first);
    assertThat(store.resource(Kind.SOURCE, "orders.shop")).contains(first);
  }

  @Test
  void aChangedDocumentGetsTheNextGenerationAndANewTime() throws InterruptedException {
    StoredResource first = store.apply(List.of(resource(Kind.SOURCE, "orders.shop", "orders", "v1"))).get(0);
    Thread.sleep(2);

    StoredResource second = store.apply(List.of(resource(Kind.SOURCE, "orders.shop", "orders", "v2"))).get(0);
    StoredResource third = store.apply(List.of(resource(Kind.SOURCE, "orders.shop", "orders", "v3"))).get(0);

    assertThat(second.generation()).isEqualTo(2);
    assertThat(second.document()).isEqualTo("v2");
    assertThat(second.hash()).isEqualTo(hash("v2"));
    assertThat(second.updatedAt()).isAfter(first.updatedAt());
    assertThat(third.generation()).isEqualTo(3);
    assertThat(store.resource(Kind.SOURCE, "orders.shop")).contains(third);
  }

  @Test
  void resourcesAreListedByKindOrderedById() {
    store.apply(List.of(
        resource(Kind.DATA_PRODUCT, "orders.daily", "orders", "d"),
        resource(Kind.DOMAIN, "orders", null, "o"),
        resource(Kind.DATA_PRODUCT, "crm.customers", "crm", "c"),
        resource(Kind.POLICY, "orders.daily", null, "a policy may share a product's id"),
        resource(Kind.DATA_PRODUCT, "orders.by_region", "orders", "r")));

    assertThat(store.resources(Kind.DATA_PRODUCT)).extracting(StoredResource::id)
        .containsExactly("crm.customers", "orders.by_region", "orders.daily");
    assertThat(store.resources(Kind.POLICY)).extracting(StoredResource::document)
        .containsExactly("a policy may share a product's id");
    assertThat(store.resources(Kind.SOURCE)).isEmpty();
    assertThat(store.resource(Kind.SOURCE, "orders.daily")).isEmpty();
  }

  @Test
  void anApplyThatFailsStoresNothing() {
    StoredResource first = store.apply(List.of(resource(Kind.DOMAIN, "orders", null, "v1"))).get(0);

    assertThatThrownBy(() -> store.apply(List.of(
            resource(Kind.DOMAIN, "orders", null, "v2"),
            resource(Kind.DOMAIN, "crm", null, "new"),
            new StoredResource(Kind.DATA_PRODUCT, "orders.broken", "orders", null, "h", 0, null))))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot apply DataProduct orders.broken: it has no document or no hash");

    assertThat(store.resources(Kind.DOMAIN)).containsExactly(first);
    assertThat(store.resources(Kind.DATA_PRODUCT)).isEmpty();
  }

  @Test
  void aBuildRoundTripsEveryFieldWithItsInputsAndResultsInOrder() {
    BuildRecord full = fullBuild("b-1");
    BuildRecord bare = new BuildRecord("b-2", DAILY, null, RUNNING, null, null, T0, null, 0, 0, null, null, null,
        null, null);

    store.saveBuild(full);
    store.saveBuild(bare);

    assertThat(store.build("b-1")).contains(full);
    assertThat(store.build("b-2")).contains(bare);
    assertThat(store.build("b-3")).isEmpty();
  }

  @Test
  void savingABuildAgainReplacesItWithItsInputsAndResults() {
    store.saveBuild(fullBuild("b-1"));
    BuildRecord failed = new BuildRecord("b-1", DAILY, "1.2.0", FAILED, "audit", "table", T0, T0.plusSeconds(3), 10,
        2048, null, 0.5, "quality rule positive(amount) failed",
        List.of(new InputRead("customers", null, null, CUSTOMERS, "2.0.1", 78L, 12)),
        List.of(new RuleResult("unique", "order_id", "error", false, "1", "0", "[{\"order_id\":\"9\"}]")));

    store.saveBuild(failed);

    assertThat(store.build("b-1")).contains(failed);
    assertThat(store.builds(DAILY, null, 10)).containsExactly(failed);
  }

  @Test
  void aBuildWithoutItsIdentityIsRefused() {
    BuildRecord noStatus = new BuildRecord("b-1", DAILY, "1.2.0", null, null, null, T0, null, 0, 0, null, null,
        null, null, null);

    assertThatThrownBy(() -> store.saveBuild(noStatus))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot save build b-1: it needs an id, a product, a status and a start");
    assertThat(store.build("b-1")).isEmpty();
  }

  @Test
  void aProductsBuildsAreListedNewestFirstByStatusUpToTheLimit() {
    BuildRecord oldest = build("b-1", DAILY, PUBLISHED, T0);
    BuildRecord failed = build("b-2", DAILY, FAILED, T0.plusSeconds(60));
    BuildRecord tieLow = build("b-3", DAILY, PUBLISHED, T0.plusSeconds(120));
    BuildRecord tieHigh = build("b-4", DAILY, PUBLISHED, T0.plusSeconds(120));
    BuildRecord newest = build("b-5", DAILY, RUNNING, T0.plusSeconds(180));
    for (BuildRecord b : List.of(tieLow, oldest, newest, failed, tieHigh, build("c-1", CUSTOMERS, PUBLISHED, T0))) {
      store.saveBuild(b);
    }

    assertThat(store.builds(DAILY, null, 10)).containsExactly(newest, tieHigh, tieLow, failed, oldest);
    assertThat(store.builds(DAILY, PUBLISHED, 10)).containsExactly(tieHigh, tieLow, oldest);
    assertThat(store.builds(DAILY, FAILED, 10)).containsExactly(failed);
    assertThat(store.builds(DAILY, PUBLISHED, 2)).containsExactly(tieHigh, tieLow);
    assertThat(store.builds(DAILY, INTERRUPTED, 10)).isEmpty();
    assertThat(store.builds(new ProductRef("orders", "other"), null, 10)).isEmpty();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> store.builds(DAILY, null, 0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot list the builds of orders.daily: the limit must be at least 1, not 0");
  }

  @Test
  void runningBuildsAreMarkedInterrupted() {
    BuildRecord running = build("b-1", DAILY, RUNNING, T0);
    BuildRecord otherRunning = build("c-1", CUSTOMERS, RUNNING, T0);
    BuildRecord published = build("b-2", DAILY, PUBLISHED, T0);
    List.of(running, otherRunning, published).forEach(store::saveBuild);
    Instant at = T0.plusSeconds(600);

    assertThat(store.interruptRunningBuilds(at, "the platform stopped")).isEqualTo(2);

    assertThat(store.build("b-1")).contains(new BuildRecord("b-1", DAILY, "1.0.0", INTERRUPTED, "publish", "table",
        T0, at, 100, 4096, 1L, 1.0, "the platform stopped", running.inputs(), running.quality()));
    assertThat(store.build("c-1")).get().extracting(BuildRecord::status, BuildRecord::finishedAt, BuildRecord::error)
        .containsExactly(INTERRUPTED, at, "the platform stopped");
    assertThat(store.build("b-2")).contains(published);
    assertThat(store.interruptRunningBuilds(at, "again")).isZero();
  }

  @Test
  void buildsSavedFromSeveralThreadsAreAllKeptWhole() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<BuildRecord>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        start.await();
        List<BuildRecord> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          BuildRecord own = build("t" + thread + "-" + i, DAILY, PUBLISHED, T0.plusSeconds(thread * 10L + i));
          BuildRecord shared = new BuildRecord("shared", DAILY, "1.0." + thread, FAILED, "thread " + thread, "table",
              T0.minusSeconds(1), T0, thread, i, null, null, "error " + thread,
              List.of(new InputRead("in" + thread, "db", "t" + thread, null, null, null, thread),
                  new InputRead("up" + thread, null, null, CUSTOMERS, "2.0." + thread, (long) thread, i)),
              List.of(new RuleResult("notNull", "c" + thread, "error", true, "0", "0", null)));
          store.saveBuild(own);
          store.saveBuild(shared);
          saved.add(own);
          saved.add(shared);
        }
        return saved;
      }));
    }
    start.countDown();
    List<BuildRecord> own = new ArrayList<>();
    List<BuildRecord> shared = new ArrayList<>();
    for (Future<List<BuildRecord>> future : futures) {
      for (BuildRecord b : future.get(60, TimeUnit.SECONDS)) {
        (b.id().equals("shared") ? shared : own).add(b);
      }
    }
    pool.shutdown();

    assertThat(store.builds(DAILY, PUBLISHED, 100)).containsExactlyInAnyOrderElementsOf(own);
    assertThat(store.build("shared")).get().isIn(shared);
  }

  @Test
  void aReopenedStoreHasTheData() {
    List<StoredResource> stored = store.apply(List.of(resource(Kind.DOMAIN, "orders", null, "v1"),
        resource(Kind.DATA_PRODUCT, "orders.daily", "orders", "d1")));
    store.saveBuild(fullBuild("b-1"));
    PolicyResult result = result("r-1", "orders.daily", T0, Outcome.WAIVED, "w-1");
    store.recordPolicyResults(List.of(result));
    Waiver waiver = waiver("w-1", "orders.daily", T0, T0.plusSeconds(3600));
    store.saveWaiver(waiver);
    store.revokeWaiver("w-1", T0.plusSeconds(60));
    store.close();

    store = reopen();

    assertThat(store.policyResults(null, 10)).containsExactly(result);
    assertThat(store.waiver("w-1")).contains(waiver.revoked(T0.plusSeconds(60)));

    assertThat(store.resources(Kind.DOMAIN)).containsExactly(stored.get(0));
    assertThat(store.resource(Kind.DATA_PRODUCT, "orders.daily")).contains(stored.get(1));
    assertThat(store.build("b-1")).contains(fullBuild("b-1"));
    assertThat(store.apply(List.of(resource(Kind.DOMAIN, "orders", null, "v2")))).extracting(StoredResource::generation)
        .containsExactly(2);
  }

  @Test
  void policyResultsRoundTripEveryFieldNewestFirst() {
    PolicyResult full = new PolicyResult("r-1", "pii-needs-owner", "DataProduct", "orders.daily", "apply",
        Outcome.WAIVED, "column email is PII and has no owner", "w-1", T0);
    PolicyResult bare = new PolicyResult("r-2", "retention", "Source", "orders.shop", "build", Outcome.SKIPPED, null,
        null, T0.plusSeconds(1));
    PolicyResult tieLow = result("r-3", "crm.customers", T0.plusSeconds(2), Outcome.PASSED, null);
    PolicyResult tieHigh = result("r-4", "crm.customers", T0.plusSeconds(2), Outcome.WARNED, null);

    store.recordPolicyResults(List.of(tieLow, full, tieHigh, bare));

    assertThat(store.policyResults(null, 10)).containsExactly(tieHigh, tieLow, bare, full);
  }

  @Test
  void policyResultsAreAppendedAndListedByResourceUpToTheLimit() {
    PolicyResult first = result("r-1", "orders.daily", T0, Outcome.FAILED, null);
    PolicyResult other = result("r-2", "crm.customers", T0.plusSeconds(10), Outcome.PASSED, null);
    store.recordPolicyResults(List.of(first, other));
    PolicyResult second = result("r-3", "orders.daily", T0.plusSeconds(20), Outcome.PASSED, null);
    PolicyResult third = result("r-4", "orders.daily", T0.plusSeconds(30), Outcome.WARNED, null);
    store.recordPolicyResults(List.of(second, third));
    store.recordPolicyResults(List.of());

    assertThat(store.policyResults("orders.daily", 10)).containsExactly(third, second, first);
    assertThat(store.policyResults("orders.daily", 2)).containsExactly(third, second);
    assertThat(store.policyResults("crm.customers", 10)).containsExactly(other);
    assertThat(store.policyResults(null, 3)).containsExactly(third, second, other);
    assertThat(store.policyResults("orders.unknown", 10)).isEmpty();
  }

  @Test
  void policyResultsWithAnIdTakenAreRefusedWhole() {
    PolicyResult first = result("r-1", "orders.daily", T0, Outcome.PASSED, null);
    store.recordPolicyResults(List.of(first));

    assertThatThrownBy(() -> store.recordPolicyResults(List.of(
            result("r-2", "orders.daily", T0.plusSeconds(1), Outcome.PASSED, null),
            result("r-1", "orders.daily", T0.plusSeconds(1), Outcome.FAILED, null))))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot record policy results: policy result r-1 exists already");
    assertThatThrownBy(() -> store.recordPolicyResults(List.of(
            result("r-3", "orders.daily", T0.plusSeconds(1), Outcome.PASSED, null),
            result("r-3", "orders.daily", T0.plusSeconds(2), Outcome.PASSED, null))))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot record policy results: policy result r-3 is listed twice");

    assertThat(store.policyResults(null, 10)).containsExactly(first);
  }

  @Test
  void listingPolicyResultsWithALimitBelowOneIsRefused() {
    assertThatThrownBy(() -> store.policyResults("orders.daily", 0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot list the policy results of orders.daily: the limit must be at least 1, not 0");
    assertThatThrownBy(() -> store.policyResults(null, -1))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot list the policy results: the limit must be at least 1, not -1");
  }

  @Test
  void aPolicyResultIsValidatedWhenMade() {
    assertThatThrownBy(() -> new PolicyResult(" ", "p", "DataProduct", "orders.daily", "apply", Outcome.PASSED,
            null, null, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a policy result: its id is blank");
    assertThatThrownBy(() -> new PolicyResult("r-1", "p", "", "orders.daily", "apply", Outcome.PASSED, null, null,
            T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record policy result r-1: resourceKind is blank");
    assertThatThrownBy(() -> new PolicyResult("r-1", "p", "DataProduct", "orders.daily", "delete", Outcome.PASSED,
            null, null, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record policy result r-1: event 'delete' is not one of apply, build, access");
    assertThatThrownBy(() -> new PolicyResult("r-1", "p", "DataProduct", "orders.daily", "build", null, null, null,
            T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record policy result r-1: outcome is missing");
    assertThatThrownBy(() -> new PolicyResult("r-1", "p", "DataProduct", "orders.daily", "access", Outcome.PASSED,
            null, null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record policy result r-1: at is missing");
    assertThatThrownBy(() -> result("r-1", "orders.daily", T0, Outcome.WAIVED, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record policy result r-1: a WAIVED result needs a waiverId");
    assertThatThrownBy(() -> result("r-1", "orders.daily", T0, Outcome.FAILED, "w-1"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record policy result r-1: only a WAIVED result has a waiverId, not a FAILED one");
  }

  @Test
  void aWaiverRoundTripsEveryField() {
    Waiver waiver = waiver("w-1", "orders.daily", T0, T0.plusSeconds(3600));
    Waiver revoked = waiver("w-2", "crm.customers", T0, T0.plusSeconds(3600)).revoked(T0.plusSeconds(5));

    store.saveWaiver(waiver);
    store.saveWaiver(revoked);

    assertThat(store.waiver("w-1")).contains(waiver);
    assertThat(store.waiver("w-2")).contains(revoked);
    assertThat(store.waiver("w-3")).isEmpty();
  }

  @Test
  void aWaiverWithAnIdTakenIsRefused() {
    Waiver first = waiver("w-1", "orders.daily", T0, T0.plusSeconds(3600));
    store.saveWaiver(first);
    store.revokeWaiver("w-1", T0.plusSeconds(1));

    assertThatThrownBy(() -> store.saveWaiver(waiver("w-1", "crm.customers", T0, T0.plusSeconds(60))))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot save waiver w-1: it exists already");
    assertThat(store.waiver("w-1")).contains(first.revoked(T0.plusSeconds(1)));
  }

  @Test
  void aWaiverSavedFromSeveralThreadsAtOnceIsKeptOnceAndTheOthersAreToldItExists() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Waiver>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Waiver waiver = new Waiver("w-1", "pii-needs-owner", "DataProduct", "orders.daily",
          "the owner is being hired this month", "grantor" + t, T0, T0.plusSeconds(60), null);
      futures.add(pool.submit(() -> {
        start.await();
        try {
          store.saveWaiver(waiver);
          return waiver;
        } catch (AlreadyExistsException e) {
          assertThat(e).hasMessage("cannot save waiver w-1: it exists already");
          return null;
        }
      }));
    }
    start.countDown();
    List<Waiver> saved = new ArrayList<>();
    for (Future<Waiver> future : futures) {
      Waiver waiver = future.get(60, TimeUnit.SECONDS);
      if (waiver != null) {
        saved.add(waiver);
      }
    }
    pool.shutdown();

    assertThat(saved).hasSize(1);
    assertThat(store.waivers(true, T0)).containsExactlyElementsOf(saved);
  }

  @Test
  void waiversAreListedNewestGrantFirstAndOnlyActiveOnesAtTheTimeGiven() {
    Waiver early = waiver("w-1", "orders.daily", T0, T0.plusSeconds(100));
    Waiver tieLow = waiver("w-2", "orders.daily", T0.plusSeconds(10), T0.plusSeconds(1000));
    Waiver tieHigh = waiver("w-3", "crm.customers", T0.plusSeconds(10), T0.plusSeconds(1000));
    Waiver revoked = waiver("w-4", "orders.by_region", T0.plusSeconds(20), T0.plusSeconds(1000));
    Waiver later = waiver("w-5", "orders.by_region", T0.plusSeconds(200), T0.plusSeconds(1000));
    List.of(tieLow, later, early, revoked, tieHigh).forEach(store::saveWaiver);
    store.revokeWaiver("w-4", T0.plusSeconds(50));
    Waiver wasRevoked = revoked.revoked(T0.plusSeconds(50));

    assertThat(store.waivers(true, T0)).containsExactly(later, wasRevoked, tieHigh, tieLow, early);
    assertThat(store.waivers(false, T0)).containsExactly(early);
    assertThat(store.waivers(false, T0.plusSeconds(30))).containsExactly(wasRevoked, tieHigh, tieLow, early);
    assertThat(store.waivers(false, T0.plusSeconds(100))).containsExactly(tieHigh, tieLow);
    assertThat(store.waivers(false, T0.plusSeconds(999))).containsExactly(later, tieHigh, tieLow);
    assertThat(store.waivers(false, T0.plusSeconds(1000))).isEmpty();
    assertThat(store.waivers(false, T0.minusMillis(1))).isEmpty();
  }

  @Test
  void theActiveWaiverMatchesPolicyKindAndResourceAtTheTimeGiven() {
    Waiver first = waiver("w-1", "orders.daily", T0, T0.plusSeconds(100));
    Waiver second = waiver("w-2", "orders.daily", T0.plusSeconds(50), T0.plusSeconds(500));
    List.of(first, second).forEach(store::saveWaiver);

    assertThat(store.activeWaiver("pii-needs-owner", "DataProduct", "orders.daily", T0)).contains(first);
    assertThat(store.activeWaiver("pii-needs-owner", "DataProduct", "orders.daily", T0.plusSeconds(60)))
        .contains(second);
    assertThat(store.activeWaiver("pii-needs-owner", "DataProduct", "orders.daily", T0.plusSeconds(500))).isEmpty();
    assertThat(store.activeWaiver("pii-needs-owner", "DataProduct", "orders.daily", T0.minusMillis(1))).isEmpty();
    assertThat(store.activeWaiver("retention", "DataProduct", "orders.daily", T0)).isEmpty();
    assertThat(store.activeWaiver("pii-needs-owner", "Source", "orders.daily", T0)).isEmpty();
    assertThat(store.activeWaiver("pii-needs-owner", "DataProduct", "crm.customers", T0)).isEmpty();

    store.revokeWaiver("w-2", T0.plusSeconds(70));

    assertThat(store.activeWaiver("pii-needs-owner", "DataProduct", "orders.daily", T0.plusSeconds(80)))
        .contains(first);
    assertThat(store.activeWaiver("pii-needs-owner", "DataProduct", "orders.daily", T0.plusSeconds(200))).isEmpty();
    assertThat(store.activeWaiver("pii-needs-owner", "DataProduct", "orders.daily", T0.plusSeconds(60)))
        .contains(second.revoked(T0.plusSeconds(70)));
  }

  @Test
  void aRevokedWaiverIsKeptWithItsFirstRevocation() {
    Waiver waiver = waiver("w-1", "orders.daily", T0, T0.plusSeconds(3600));
    store.saveWaiver(waiver);

    store.revokeWaiver("w-1", T0.plusSeconds(10));
    store.revokeWaiver("w-1", T0.plusSeconds(20));

    assertThat(store.waiver("w-1")).contains(waiver.revoked(T0.plusSeconds(10)));
    assertThat(store.waivers(true, T0.plusSeconds(30))).containsExactly(waiver.revoked(T0.plusSeconds(10)));
    assertThat(store.waivers(false, T0.plusSeconds(30))).isEmpty();
  }

  @Test
  void revokingAMissingWaiverOrBeforeItsGrantIsRefused() {
    store.saveWaiver(waiver("w-1", "orders.daily", T0, T0.plusSeconds(3600)));

    assertThatThrownBy(() -> store.revokeWaiver("w-9", T0))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot revoke waiver w-9: it does not exist");
    assertThatThrownBy(() -> store.revokeWaiver("w-1", T0.minusSeconds(1)))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot revoke waiver w-1: the revocation at 2026-11-20T05:59:59.123Z is before its grant at "
            + "2026-11-20T06:00:00.123Z");
    assertThat(store.waiver("w-1")).get().extracting(Waiver::revokedAt).isNull();
  }

  @Test
  void aWaiverIsValidatedWhenMade() {
    Instant expires = T0.plusSeconds(60);
    assertThatThrownBy(() -> new Waiver(null, "p", "DataProduct", "orders.daily", "a good reason", "ana", T0,
            expires, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a waiver: its id is blank");
    assertThatThrownBy(() -> new Waiver("w-1", "p", "DataProduct", "orders.daily", "a good reason", " ", T0,
            expires, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record waiver w-1: grantedBy is blank");
    assertThatThrownBy(() -> new Waiver("w-1", "p", "DataProduct", "orders.daily", "  too short  ", "ana", T0,
            expires, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record waiver w-1: justification must be at least 10 characters, not 9");
    assertThatThrownBy(() -> new Waiver("w-1", "p", "DataProduct", "orders.daily", "a good reason", "ana", T0, T0,
            null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record waiver w-1: expiresAt 2026-11-20T06:00:00.123Z is not after grantedAt "
            + "2026-11-20T06:00:00.123Z");
    assertThatThrownBy(() -> new Waiver("w-1", "p", "DataProduct", "orders.daily", "a good reason", "ana", null,
            expires, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record waiver w-1: grantedAt is missing");
    assertThatThrownBy(() -> new Waiver("w-1", "p", "DataProduct", "orders.daily", "a good reason", "ana", T0,
            expires, T0.minusMillis(1)))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record waiver w-1: revokedAt 2026-11-20T06:00:00.122Z is before grantedAt "
            + "2026-11-20T06:00:00.123Z");
  }

  @Test
  void aWaiverIsActiveFromItsGrantUntilItExpiresOrIsRevoked() {
    Waiver waiver = waiver("w-1", "orders.daily", T0, T0.plusSeconds(60));
    Waiver revoked = waiver.revoked(T0.plusSeconds(30));

    assertThat(waiver.activeAt(T0.minusMillis(1))).isFalse();
    assertThat(waiver.activeAt(T0)).isTrue();
    assertThat(waiver.activeAt(T0.plusSeconds(59))).isTrue();
    assertThat(waiver.activeAt(T0.plusSeconds(60))).isFalse();
    assertThat(revoked.activeAt(T0.plusSeconds(29))).isTrue();
    assertThat(revoked.activeAt(T0.plusSeconds(30))).isFalse();
  }

  private static StoredResource resource(Kind kind, String id, String domain, String document) {
    return new StoredResource(kind, id, domain, document, hash(document), 0, null);
  }

  private static String hash(String document) {
    return "h" + Integer.toHexString(document.hashCode());
  }

  /** A SHA-256 in hex, as a token's hash is kept. */
  private static String tokenHash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void retentionRunsRoundTripEveryFieldNewestFirst() {
    RetentionRun full = new RetentionRun("x-1", "orders.daily", T0.minus(730, ChronoUnit.DAYS), 3, 12, 40, "build",
        null, T0);
    RetentionRun failed = new RetentionRun("x-2", "crm.customers", T0.minus(30, ChronoUnit.DAYS), 0, 0, 0, "manual",
        "cannot expire crm.customers: the table is missing", T0.plusSeconds(1));
    RetentionRun tieLow = retention("x-3", "orders.daily", T0.plusSeconds(2));
    RetentionRun tieHigh = retention("x-4", "orders.daily", T0.plusSeconds(2));
    for (RetentionRun run : List.of(tieLow, full, tieHigh, failed)) {
      store.recordRetention(run);
    }

    assertThat(store.retentionRuns(null, 10)).containsExactly(tieHigh, tieLow, failed, full);
    store.close();
    store = reopen();
    assertThat(store.retentionRuns(null, 10)).containsExactly(tieHigh, tieLow, failed, full);
  }

  @Test
  void retentionRunsAreListedByProductUpToTheLimit() {
    RetentionRun first = retention("x-1", "orders.daily", T0);
    RetentionRun other = retention("x-2", "crm.customers", T0.plusSeconds(10));
    RetentionRun second = retention("x-3", "orders.daily", T0.plusSeconds(20));
    RetentionRun third = retention("x-4", "orders.daily", T0.plusSeconds(30));
    for (RetentionRun run : List.of(first, other, second, third)) {
      store.recordRetention(run);
    }

    assertThat(store.retentionRuns("orders.daily", 10)).containsExactly(third, second, first);
    assertThat(store.retentionRuns("orders.daily", 2)).containsExactly(third, second);
    assertThat(store.retentionRuns("crm.customers", 10)).containsExactly(other);
    assertThat(store.retentionRuns(null, 3)).containsExactly(third, second, other);
    assertThat(store.retentionRuns("orders.unknown", 10)).isEmpty();
  }

  @Test
  void aRetentionRunWithAnIdTakenIsRefusedAndTheFirstKept() {
    RetentionRun first = retention("x-1", "orders.daily", T0);
    store.recordRetention(first);

    assertThatThrownBy(() -> store.recordRetention(retention("x-1", "crm.customers", T0.plusSeconds(1))))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot record retention run x-1: it exists already");
    assertThatThrownBy(() -> store.recordRetention(null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a retention run: it is missing");
    assertThat(store.retentionRuns(null, 10)).containsExactly(first);
  }

  @Test
  void listingRetentionRunsWithALimitBelowOneIsRefused() {
    assertThatThrownBy(() -> store.retentionRuns("orders.daily", 0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot list the retention runs of orders.daily: the limit must be at least 1, not 0");
    assertThatThrownBy(() -> store.retentionRuns(null, -1))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot list the retention runs: the limit must be at least 1, not -1");
  }

  @Test
  void aRetentionRunIsValidatedWhenMade() {
    assertThatThrownBy(() -> new RetentionRun("", "orders.daily", T0, 0, 0, 0, "manual", null, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a retention run: its id is blank");
    assertThatThrownBy(() -> new RetentionRun("x-1", " ", T0, 0, 0, 0, "manual", null, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record retention run x-1: product is blank");
    assertThatThrownBy(() -> new RetentionRun("x-1", "orders.daily", null, 0, 0, 0, "manual", null, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record retention run x-1: cutoff is missing");
    assertThatThrownBy(() -> new RetentionRun("x-1", "orders.daily", T0, 1, -2, 0, "manual", null, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record retention run x-1: a count is negative (snapshots 1, partitions -2, files 0)");
    assertThatThrownBy(() -> new RetentionRun("x-1", "orders.daily", T0, 0, 0, 0, "cron", null, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record retention run x-1: trigger 'cron' is not one of build, manual, schedule");
    assertThatThrownBy(() -> new RetentionRun("x-1", "orders.daily", T0, 0, 0, 0, "schedule", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record retention run x-1: at is missing");
  }

  @Test
  void usersAndTeamsRoundTripOrderedByName() {
    store.saveTeam(new Team("payments", T0));
    store.saveTeam(new Team("orders", T0.plusSeconds(1)));
    User li = new User("li", "li@example.com", "orders", false, T0.plusSeconds(2));
    User ana = new User("ana", "ana@example.com", null, true, T0.plusSeconds(3));
    store.saveUser(li);
    store.saveUser(ana);

    assertThat(store.teams()).containsExactly(new Team("orders", T0.plusSeconds(1)), new Team("payments", T0));
    assertThat(store.team("orders")).contains(new Team("orders", T0.plusSeconds(1)));
    assertThat(store.team("crm")).isEmpty();
    assertThat(store.users()).containsExactly(ana, li);
    assertThat(store.user("li")).contains(li);
    assertThat(store.user("bo")).isEmpty();
  }

  @Test
  void aDuplicateUserOrTeamIsRefusedAndTheFirstKept() {
    store.saveTeam(new Team("orders", T0));
    store.saveUser(new User("ana", "ana@example.com", null, false, T0));

    assertThatThrownBy(() -> store.saveTeam(new Team("orders", T0.plusSeconds(1))))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot save team orders: it exists already");
    assertThatThrownBy(() -> store.saveUser(new User("ana", "other@example.com", "orders", true, T0)))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot save user ana: it exists already");
    assertThat(store.teams()).containsExactly(new Team("orders", T0));
    assertThat(store.users()).containsExactly(new User("ana", "ana@example.com", null, false, T0));
  }

  @Test
  void aUserOfAnUnknownTeamIsRefused() {
    assertThatThrownBy(() -> store.saveUser(new User("ana", "ana@example.com", "ghosts", false, T0)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot save user ana: team ghosts does not exist");
    assertThat(store.users()).isEmpty();
  }

  @Test
  void tokensRoundTripEveryFieldNewestFirstAndByUser() {
    store.saveUser(new User("ana", "ana@example.com", null, false, T0));
    store.saveUser(new User("li", "li@example.com", null, false, T0));
    ApiToken first = new ApiToken("t1", "ana", tokenHash("one"), T0, T0.plusSeconds(3600), T0.plusSeconds(60),
        T0.plusSeconds(30));
    ApiToken second = new ApiToken("t2", "li", tokenHash("two"), T0.plusSeconds(1), null, null, null);
    ApiToken third = new ApiToken("t3", "ana", tokenHash("three"), T0.plusSeconds(2), null, null, null);
    store.saveToken(first);
    store.saveToken(second);
    store.saveToken(third);

    assertThat(store.tokens(null)).containsExactly(third, second, first);
    assertThat(store.tokens("ana")).containsExactly(third, first);
    assertThat(store.tokens("bo")).isEmpty();
    assertThat(store.tokenByHash(tokenHash("two"))).contains(second);
    assertThat(store.tokenByHash(tokenHash("four"))).isEmpty();
  }

  @Test
  void aTokenWithAnIdOrHashTakenOrOfAnUnknownUserIsRefused() {
    store.saveUser(new User("ana", "ana@example.com", null, false, T0));
    store.saveToken(new ApiToken("t1", "ana", tokenHash("one"), T0, null, null, null));

    assertThatThrownBy(() -> store.saveToken(new ApiToken("t1", "ana", tokenHash("two"), T0, null, null, null)))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot save API token t1: it exists already");
    assertThatThrownBy(() -> store.saveToken(new ApiToken("t2", "ana", tokenHash("one"), T0, null, null, null)))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot save API token t2: a token with the same hash exists already");
    assertThatThrownBy(() -> store.saveToken(new ApiToken("t3", "bo", tokenHash("three"), T0, null, null, null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot save API token t3: user bo does not exist");
    assertThat(store.tokens(null)).extracting(ApiToken::id).containsExactly("t1");
  }

  @Test
  void aRevokedTokenKeepsItsFirstRevocationAndAUsedOneItsLastUse() {
    store.saveUser(new User("ana", "ana@example.com", null, false, T0));
    store.saveToken(new ApiToken("t1", "ana", tokenHash("one"), T0, null, null, null));

    store.touchToken("t1", T0.plusSeconds(10));
    store.touchToken("t1", T0.plusSeconds(20));
    ApiToken revoked = store.revokeToken("t1", T0.plusSeconds(30));
    ApiToken again = store.revokeToken("t1", T0.plusSeconds(40));

    ApiToken expected = new ApiToken("t1", "ana", tokenHash("one"), T0, null, T0.plusSeconds(30), T0.plusSeconds(20));
    assertThat(revoked).isEqualTo(expected);
    assertThat(again).isEqualTo(expected);
    assertThat(store.tokenByHash(tokenHash("one"))).contains(expected);
  }

  @Test
  void revokingOrTouchingAnUnknownTokenIsRefused() {
    assertThatThrownBy(() -> store.revokeToken("nope", T0))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot revoke API token nope: it does not exist");
    assertThatThrownBy(() -> store.touchToken("nope", T0))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot record the use of API token nope: it does not exist");
  }

  @Test
  void identitiesAreValidatedWhenMade() {
    assertThatThrownBy(() -> new User(" ", "ana@example.com", null, false, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a user: the name is blank");
    assertThatThrownBy(() -> new User("ana", "ana@example.com", "", false, T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record user ana: team is blank");
    assertThatThrownBy(() -> new Team("orders", null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record team orders: createdAt is missing");
    assertThatThrownBy(() -> new ApiToken("t1", "ana", "mw_secret", T0, null, null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record API token t1: hash is not a SHA-256 in lower-case hex");
    assertThatThrownBy(() -> new ApiToken("t1", "ana", tokenHash("one"), T0, T0, null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record API token t1: expiresAt " + T0 + " is not after createdAt " + T0);
  }

  /** A build with every field set, two inputs (a source's table, an upstream product) and two rule results. */
  private static BuildRecord fullBuild(String id) {
    return new BuildRecord(id, DAILY, "1.2.0", PUBLISHED, "publish", "partition 2026-11-20", T0, T0.plusSeconds(42),
        1200, 65_536, 5_123_456_789L, 0.975, null,
        List.of(new InputRead("orders", "shop", "public.orders", null, null, null, 1500),
            new InputRead("customers", null, null, CUSTOMERS, "2.0.1", 77L, 300)),
        List.of(new RuleResult("notNull", "order_id", "error", true, "0", "0", null),
            new RuleResult("positive", "amount", "warn", false, "3", "0", "[{\"order_id\":\"7\",\"amount\":\"-3\"}]")));
  }

  private static BuildRecord build(String id, ProductRef product, BuildRecord.Status status, Instant startedAt) {
    return new BuildRecord(id, product, "1.0.0", status, "publish", "table", startedAt,
        status == RUNNING ? null : startedAt.plusSeconds(5), 100, 4096, 1L, 1.0, null,
        List.of(new InputRead("orders", "shop", "public.orders", null, null, null, 100)), List.of());
  }

  /** A result of policy {@code pii-needs-owner} for a data product at {@code apply}. */
  private static PolicyResult result(String id, String product, Instant at, Outcome outcome, String waiverId) {
    return new PolicyResult(id, "pii-needs-owner", "DataProduct", product, "apply", outcome, "checked " + id,
        waiverId, at);
  }

  /** A successful manual run on {@code product} that expired one of each, with a cutoff a year before {@code at}. */
  private static RetentionRun retention(String id, String product, Instant at) {
    return new RetentionRun(id, product, at.minus(365, ChronoUnit.DAYS), 1, 1, 1, "manual", null, at);
  }

  /** A waiver of policy {@code pii-needs-owner} for a data product, not revoked. */
  private static Waiver waiver(String id, String product, Instant grantedAt, Instant expiresAt) {
    return new Waiver(id, "pii-needs-owner", "DataProduct", product, "the owner is being hired this month",
        "ana@example.com", grantedAt, expiresAt, null);
  }
}
