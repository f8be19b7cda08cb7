package dev.meshwork.client;

import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.core.spi.AuditFilter;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.access.AccessFilter;
import dev.meshwork.core.access.AccessAsk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.ops.ApplyResult;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.ops.ProductDescription;
import dev.meshwork.core.ops.ProductStatus;
import dev.meshwork.core.ops.ProductSummary;
import dev.meshwork.core.spi.BuildCount;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.Rows;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does with a platform, written once against {@link Operations}: each subclass runs
 * it on one implementation, so in-process and over HTTP must answer alike, failures included.
 * The mesh is applied and {@code shop.sales} built once; each scenario then does its part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OperationsScenarios {

  static final ProductRef SALES = ProductRef.parse("shop.sales");
  static final ProductRef STRICT = ProductRef.parse("shop.strict_sales");
  static final ProductRef NOPE = ProductRef.parse("shop.nope");
  static final String NO_PRODUCT = "no product shop.nope on this platform (apply it first with mesh apply)";

  ScenarioMesh mesh;
  Operations operations;
  List<LoadedResource> resources;
  ApplyResult applied;
  BuildRecord built;

  /** The operations of a new platform on {@code home}, the user being its admin. */
  abstract Operations open(Path home);

  /** A new platform user, and the operations acting as them. */
  abstract Operations newUser(String name, String email);

  /** Closes what {@link #open} started. */
  abstract void close();

  @BeforeAll
  void applyAndBuild(@TempDir Path dir) {
    mesh = new ScenarioMesh(dir);
    operations = open(dir.resolve("home"));
    resources = mesh.load("specs");
    applied = operations.apply(resources);
    built = operations.build(BuildRequest.of(SALES), BuildListener.NONE).get(0);
  }

  @AfterAll
  void stop() {
    close();
  }

  @Test
  void appliesEveryResourceWithThePoliciesWarningsThenChangesNothing() {
    assertThat(applied.changes()).extracting(c -> c.label() + " " + c.action() + " " + c.generation())
        .containsExactly("Policy products-tagged CREATED 1", "DataProduct shop.sales CREATED 1", "Domain shop CREATED 1",
            "Source shop.sales-files CREATED 1", "DataProduct shop.strict_sales CREATED 1");
    assertThat(applied.warnings()).extracting(Problem::toString).containsExactly(
        "specs/sales.yaml:3:18: warning: metadata.name: policy products-tagged: a data product should have tags");
    assertThat(operations.apply(resources).changes()).extracting(ApplyResult.Change::action)
        .containsOnly(ApplyResult.Action.UNCHANGED);
  }

  @Test
  void refusesInvalidResourcesPointingAtTheirFiles() {
    assertThatThrownBy(() -> operations.apply(mesh.load("broken")))
        .isInstanceOfSatisfying(InvalidException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("nothing was applied: 1 problem found");
          assertThat(e.problems()).extracting(Problem::toString).containsExactly("broken/broken.yaml:8:32: "
              + "spec.inputs[0].source: source 'no-such-files' of domain 'shop' does not exist on the platform or in the files applied");
        });
  }

  @Test
  void buildsAndPublishes() {
    assertThat(built.status()).isEqualTo(BuildRecord.Status.PUBLISHED);
    assertThat(built.product()).isEqualTo(SALES);
    assertThat(built.rows()).isEqualTo(5);
    assertThat(built.snapshotId()).isNotNull();
    assertThat(built.inputs()).extracting(i -> i.source() + "." + i.table()).containsExactly("sales-files.sales");
    assertThat(built.quality()).extracting(r -> r.rule() + " " + r.passed()).contains("rowCount true", "amount positive true");
  }

  @Test
  void aFailedBuildIsARecordNotAnException() {
    List<BuildRecord> records = operations.build(BuildRequest.of(STRICT), BuildListener.NONE);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).status()).isEqualTo(BuildRecord.Status.FAILED);
    assertThat(records.get(0).stage()).isEqualTo("audit");
    assertThat(records.get(0).error()).isEqualTo("cannot publish shop.strict_sales: rule rowCount failed (5 rows; "
        + "mustBeGreaterThan: 1000); the staged data is kept for diagnosis and consumers still read the previous snapshot");
  }

  @Test
  void buildsEveryProductAndTellsEachOutcome() {
    List<String> heard = new ArrayList<>();
    List<BuildRecord> records = operations.build(BuildRequest.all(), new BuildListener() {
      @Override
      public void finished(BuildRecord build) {
        heard.add(build.product() + " " + build.status());
      }
    });
    assertThat(records).extracting(r -> r.product() + " " + r.status())
        .containsExactly("shop.sales PUBLISHED", "shop.strict_sales FAILED");
    assertThat(heard).containsExactly("shop.sales PUBLISHED", "shop.strict_sales FAILED");
  }

  @Test
  void showsWhatIsPublished() {
    List<ProductStatus> all = operations.status(null);
    assertThat(all).extracting(ProductStatus::product).containsExactly("shop.sales", "shop.strict_sales");
    ProductStatus sales = operations.status(SALES).get(0);
    assertThat(sales.rows()).isEqualTo(5);
    assertThat(sales.version()).isEqualTo("1.0.0");
    assertThat(sales.owner()).isEqualTo("shop-team@example.com");
    assertThat(sales.snapshotId()).isEqualTo(operations.history(SALES, 1).get(0).snapshotId());
    assertThat(sales.qualityScore()).isEqualTo(100.0);
  }

  @Test
  void listsEveryProductWithWhatTheStoreRecordsOfItsBuilds() {
    BuildRecord failed = operations.build(BuildRequest.of(STRICT), BuildListener.NONE).get(0);
    List<ProductSummary> products = operations.products();

    assertThat(products).extracting(p -> p.product().ref()).containsExactly(SALES, STRICT);
    ProductDescription sales = operations.describe(SALES);
    assertThat(products.get(0)).extracting(ProductSummary::product, ProductSummary::appliedAt)
        .containsExactly(sales.product(), sales.appliedAt());
    assertThat(products.get(0)).extracting(ProductSummary::publishedVersion, ProductSummary::qualityScore,
        ProductSummary::lastBuildStatus, ProductSummary::lastError).containsExactly("1.0.0", 100.0, BuildRecord.Status.PUBLISHED, null);
    assertThat(products.get(1)).extracting(ProductSummary::lastBuild, ProductSummary::lastBuildStatus,
        ProductSummary::lastError, ProductSummary::publishedAt, ProductSummary::publishedVersion,
        ProductSummary::qualityScore).containsExactly(failed.id(), BuildRecord.Status.FAILED, failed.error(), null, null, null);
    for (ProductSummary product : products) {
      ProductStatus status = operations.status(product.product().ref()).get(0);
      assertThat(product).extracting(ProductSummary::lastBuild, ProductSummary::lastBuildStatus,
          ProductSummary::lastBuildAt, ProductSummary::publishedAt, ProductSummary::qualityScore)
          .containsExactly(status.lastBuild(), status.lastBuildStatus(), status.lastBuildAt(), status.publishedAt(),
              status.qualityScore());
    }
    assertThat(newUser("cleo", "cleo@example.com").products()).isEqualTo(products);
  }

  @Test
  void countsTheBuildsOfEveryProductPerDay() {
    operations.build(BuildRequest.of(STRICT), BuildListener.NONE);
    LocalDate first = LocalDate.ofInstant(built.startedAt(), ZoneOffset.UTC);

    List<BuildCount> counts = operations.buildsPerDay(first);
    assertThat(counts).extracting(BuildCount::day).allMatch(day -> !day.isBefore(first)).isSorted();
    assertThat(builds(counts, BuildRecord.Status.PUBLISHED)).isEqualTo(operations.history(SALES, 1000).size());
    assertThat(builds(counts, BuildRecord.Status.FAILED)).isPositive();
    assertThat(operations.buildsPerDay(LocalDate.now(ZoneOffset.UTC).plusDays(2))).isEmpty();
    assertThatThrownBy(() -> operations.buildsPerDay(null)).isInstanceOf(InvalidException.class)
        .hasMessage("cannot count the builds per day: since is missing");
  }

  private static long builds(List<BuildCount> counts, BuildRecord.Status status) {
    return counts.stream().filter(c -> c.status() == status).mapToLong(BuildCount::builds).sum();
  }

  @Test
  void describesAProductAsApplied() {
    ProductDescription description = operations.describe(SALES);
    DataProduct asLoaded = (DataProduct) resources.stream().filter(r -> r.resource().id().equals("shop.sales"))
        .findFirst().orElseThrow().resource();
    assertThat(description.product()).isEqualTo(asLoaded);
    assertThat(description.generation()).isEqualTo(1);
    assertThat(description.location()).isNotNull();
    assertThat(description.status().rows()).isEqualTo(5);
    assertThat(description.lastPublish().quality()).isNotEmpty();
    assertThat(description.upstream()).containsExactly("source shop.sales-files");
    assertThat(description.downstream()).isEmpty();
  }

  @Test
  void searchesProducts() {
    assertThat(operations.search("strict", 5)).extracting(h -> h.product() + " " + h.matched())
        .containsExactly("shop.strict_sales [name, title]");
    assertThat(operations.search("zebra", 5)).isEmpty();
  }

  @Test
  void queriesPublishedProducts() {
    Rows rows = operations.query("SELECT customer, amount, day FROM shop.sales ORDER BY sale_id", 2);
    assertThat(rows.columns()).containsExactly("customer", "amount", "day");
    assertThat(rows.rows()).extracting(Object::toString).containsExactly("[ana, 1200, 2026-11-01]", "[li, 300, 2026-11-01]");
    assertThat(rows.rows().get(0).get(1)).isEqualTo(1200L);
    assertThat(rows.truncated()).isTrue();
    assertThat(operations.query("SELECT count(*) AS n FROM shop.sales", 10).single()).isEqualTo(5L);
  }

  @Test
  void refusesBadSqlAndUnknownProductsInQueries() {
    assertThatThrownBy(() -> operations.query("SELEC 1", 10)).isInstanceOf(InvalidException.class)
        .hasMessage("cannot run the query: syntax error at or near \"SELEC\"");
    assertThatThrownBy(() -> operations.query("SELECT * FROM shop.nope", 10)).isInstanceOf(NotFoundException.class)
        .hasMessage("cannot run the query: no product shop.nope on this platform");
    assertThatThrownBy(() -> operations.query("  ", 10)).isInstanceOf(InvalidException.class)
        .hasMessage("the query is empty");
  }

  @Test
  void listsPublishesNewestFirst() {
    List<BuildRecord> history = operations.history(SALES, 20);
    assertThat(history).isNotEmpty().allMatch(b -> b.status() == BuildRecord.Status.PUBLISHED);
    assertThat(history).extracting(BuildRecord::startedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(history).extracting(BuildRecord::id).contains(built.id());
    assertThat(operations.history(STRICT, 5)).isEmpty();
  }

  @Test
  void saysWhichProductIsUnknown() {
    assertThatThrownBy(() -> operations.status(NOPE)).isInstanceOf(NotFoundException.class).hasMessage(NO_PRODUCT);
    assertThatThrownBy(() -> operations.describe(NOPE)).isInstanceOf(NotFoundException.class).hasMessage(NO_PRODUCT);
    assertThatThrownBy(() -> operations.history(NOPE, 5)).isInstanceOf(NotFoundException.class).hasMessage(NO_PRODUCT);
    assertThatThrownBy(() -> operations.build(BuildRequest.of(NOPE), BuildListener.NONE))
        .isInstanceOf(NotFoundException.class).hasMessage(NO_PRODUCT);
    assertThatThrownBy(() -> operations.retention(Optional.of(NOPE), RetentionRun.MANUAL))
        .isInstanceOf(NotFoundException.class).hasMessage(NO_PRODUCT);
    assertThatThrownBy(() -> operations.retentionHistory(Optional.of(NOPE), 5))
        .isInstanceOf(NotFoundException.class).hasMessage(NO_PRODUCT);
  }

  @Test
  void grantsListsAndRevokesWaivers() {
    Instant expires = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    Waiver waiver = operations.grantWaiver("products-tagged", SALES, "tags come with the next release", expires, "admin");
    assertThat(waiver.policy()).isEqualTo("products-tagged");
    assertThat(waiver.resourceId()).isEqualTo("shop.sales");
    assertThat(waiver.grantedBy()).isEqualTo("admin");
    assertThat(waiver.expiresAt()).isEqualTo(expires);
    assertThat(operations.waivers(false)).extracting(Waiver::id).contains(waiver.id());

    Waiver revoked = operations.revokeWaiver(waiver.id());
    assertThat(revoked.revokedAt()).isNotNull();
    assertThat(operations.waivers(false)).extracting(Waiver::id).doesNotContain(waiver.id());
    assertThat(operations.waivers(true)).extracting(Waiver::id).contains(waiver.id());
  }

  @Test
  void refusesWaiversOfUnknownPoliciesAndRevokingUnknownWaivers() {
    Instant expires = Instant.now().plus(Duration.ofDays(1));
    assertThatThrownBy(() -> operations.grantWaiver("nope", SALES, "a good enough reason", expires, "admin"))
        .isInstanceOf(NotFoundException.class).hasMessage("cannot waive policy nope: no such policy on this platform");
    assertThatThrownBy(() -> operations.grantWaiver("products-tagged", NOPE, "a good enough reason", expires, "admin"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot waive policy products-tagged for shop.nope: no such product on this platform");
    assertThatThrownBy(() -> operations.revokeWaiver("nope")).isInstanceOf(NotFoundException.class)
        .hasMessage("cannot revoke waiver nope: it does not exist");
  }

  @Test
  void recordsPolicyResults() {
    List<PolicyResult> results = operations.policyResults("shop.sales", 10);
    assertThat(results).isNotEmpty().allMatch(r -> r.resourceId().equals("shop.sales"));
    assertThat(results).filteredOn(r -> r.policy().equals("products-tagged")).extracting(r -> r.event() + " " + r.outcome())
        .contains("apply WARNED");
    assertThat(operations.policyResults(null, 100)).hasSizeGreaterThanOrEqualTo(results.size());
  }

  @Test
  void enforcesRetentionAndRecordsIt() {
    List<RetentionRun> runs = operations.retention(Optional.of(SALES), RetentionRun.MANUAL);
    assertThat(runs).extracting(r -> r.product() + " " + r.trigger() + " " + r.error()).containsExactly("shop.sales manual null");
    assertThat(operations.retentionHistory(Optional.of(SALES), 5)).extracting(RetentionRun::id).contains(runs.get(0).id());

    List<RetentionRun> everything = operations.retention(Optional.empty(), RetentionRun.MANUAL);
    assertThat(everything).extracting(RetentionRun::product).containsExactly("shop.sales");
    assertThat(operations.retentionHistory(Optional.empty(), 100)).extracting(RetentionRun::id)
        .contains(runs.get(0).id(), everything.get(0).id());
  }

  @Test
  void refusesAnUnknownRetentionTrigger() {
    assertThatThrownBy(() -> operations.retention(Optional.of(SALES), "cron")).isInstanceOf(InvalidException.class)
        .hasMessage("cannot enforce retention: trigger 'cron' is not one of build, manual, schedule");
  }

  @Test
  void aConsumerReadsUnderTheGrantTheyAskedForUntilItIsRevoked() {
    Operations bob = newUser("bob", "bob@example.com");
    assertThatThrownBy(() -> bob.sample(SALES, 3)).isInstanceOf(DeniedException.class)
        .hasMessage("user bob may not read shop.sales: no grant; ask for one with mesh access request shop.sales --purpose TEXT");

    AccessRequest granted = bob.requestAccess(new AccessAsk(SALES, "weekly revenue report", false, null, null, null));
    assertThat(granted.status()).isEqualTo(AccessRequest.Status.APPROVED);
    assertThat(granted.decidedBy()).isEqualTo(AccessRequest.AUTO);
    assertThat(bob.sample(SALES, 3).rows()).hasSize(3);
    assertThat(bob.accessRequests(new AccessFilter(null, null, AccessFilter.View.MINE, 10))).containsExactly(granted);
    assertThat(bob.accessRequests(AccessFilter.grants(SALES, AccessFilter.View.MINE, 10))).containsExactly(granted);
    assertThatThrownBy(() -> bob.requestAccess(new AccessAsk(SALES, "again", false, null, null, null)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("cannot request access to shop.sales: request " + granted.id() + " is approved already");

    AccessRequest revoked = bob.revokeAccess(granted.id(), "report retired");
    assertThat(revoked.status()).isEqualTo(AccessRequest.Status.REVOKED);
    assertThat(operations.accessRequest(granted.id())).isEqualTo(revoked);
    assertThat(bob.accessRequests(AccessFilter.grants(null, AccessFilter.View.MINE, 10))).isEmpty();
    assertThatThrownBy(() -> bob.query("SELECT count(*) FROM shop.sales", 1)).isInstanceOf(DeniedException.class);
    assertThat(operations.audit(new AuditFilter("bob", "read", null, null, null, 10)))
        .extracting(e -> e.resourceId() + " " + e.outcome())
        .containsExactly("shop.sales denied", "shop.sales ok", "shop.sales denied");
  }

  @Test
  void accessToAProductThatDoesNotExistIsRefused() {
    assertThatThrownBy(() -> operations.requestAccess(new AccessAsk(NOPE, "weekly revenue report", false, null, null, null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot request access to shop.nope: no such product on this platform");
    assertThatThrownBy(() -> operations.approveAccess("ar-nope", null)).isInstanceOf(NotFoundException.class)
        .hasMessage("cannot approve ar-nope: no such access request");
  }
}
