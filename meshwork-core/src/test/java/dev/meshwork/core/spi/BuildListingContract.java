package dev.meshwork.core.spi;

import static dev.meshwork.core.spi.BuildRecord.Status.FAILED;
import static dev.meshwork.core.spi.BuildRecord.Status.INTERRUPTED;
import static dev.meshwork.core.spi.BuildRecord.Status.PUBLISHED;
import static dev.meshwork.core.spi.BuildRecord.Status.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.BuildRecord.InputRead;
import dev.meshwork.core.spi.BuildRecord.RuleResult;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every metadata store tells of the builds across products, each in one read: the latest
 * build of every product (of a status, or any) and the builds per day.
 * {@link MetadataStoreContract} runs it on every store.
 */
public interface BuildListingContract {

  ProductRef SALES_REF = new ProductRef("shop", "sales");
  ProductRef LEADS_REF = new ProductRef("crm", "leads");
  ProductRef DRAFT_REF = new ProductRef("crm", "draft");
  Instant NOON = Instant.parse("2026-11-20T12:00:00.250Z");

  /** The store under test. */
  MetadataStore store();

  /** Closes the store under test and opens another on its database. */
  void reopenStore();

  @Test
  default void theLatestBuildOfEveryProductIsReadAsASummaryOfAnyStatusOrOfOne() {
    BuildRecord published = listed("s-1", SALES_REF, PUBLISHED, NOON);
    BuildRecord failed = listed("s-2", SALES_REF, FAILED, NOON.plusSeconds(60));
    BuildRecord tieLow = listed("s-3", SALES_REF, PUBLISHED, NOON.plusSeconds(120));
    BuildRecord tieHigh = listed("s-4", SALES_REF, PUBLISHED, NOON.plusSeconds(120));
    BuildRecord running = listed("s-5", SALES_REF, RUNNING, NOON.plusSeconds(180));
    BuildRecord leads = listed("l-1", LEADS_REF, PUBLISHED, NOON.minusSeconds(3600));
    BuildRecord leadsFailed = listed("l-2", LEADS_REF, FAILED, NOON);
    BuildRecord draft = listed("d-1", DRAFT_REF, INTERRUPTED, NOON);
    for (BuildRecord build : List.of(tieLow, running, published, leadsFailed, failed, draft, tieHigh, leads)) {
      store().saveBuild(build);
    }
    reopenStore();

    assertThat(store().latestBuilds(null)).isEqualTo(Map.of(SALES_REF, running.summary(),
        LEADS_REF, leadsFailed.summary(), DRAFT_REF, draft.summary()));
    assertThat(store().latestBuilds(PUBLISHED)).isEqualTo(Map.of(SALES_REF, tieHigh.summary(), LEADS_REF, leads.summary()));
    assertThat(store().latestBuilds(FAILED)).isEqualTo(Map.of(SALES_REF, failed.summary(), LEADS_REF, leadsFailed.summary()));
    assertThat(store().latestBuilds(INTERRUPTED)).isEqualTo(Map.of(DRAFT_REF, draft.summary()));
  }

  @Test
  default void aSummaryHasEveryFieldOfItsBuildButInputsAndResults() {
    BuildRecord full = new BuildRecord("s-1", SALES_REF, "1.2.0", FAILED, "audit", "partition 2026-11-20", NOON,
        NOON.plusSeconds(42), 1200, 65_536, 5_123_456_789L, 0.975, "rule positive(amount) failed",
        List.of(new InputRead("orders", "shop", "public.orders", null, null, null, 1500)),
        List.of(new RuleResult("positive", "amount", "error", false, "3", "0", "[{\"amount\":\"-3\"}]")));
    BuildRecord bare = new BuildRecord("l-1", LEADS_REF, null, RUNNING, null, null, NOON, null, 0, 0, null, null, null,
        null, null);
    store().saveBuild(full);
    store().saveBuild(bare);

    assertThat(store().latestBuilds(null)).isEqualTo(Map.of(SALES_REF, new BuildSummary("s-1", SALES_REF, "1.2.0",
        FAILED, "audit", "partition 2026-11-20", NOON, NOON.plusSeconds(42), 1200, 65_536, 5_123_456_789L, 0.975,
        "rule positive(amount) failed"), LEADS_REF, new BuildSummary("l-1", LEADS_REF, null, RUNNING, null, null, NOON,
        null, 0, 0, null, null, null)));
  }

  @Test
  default void aStoreWithoutBuildsListsNone() {
    assertThat(store().latestBuilds(null)).isEmpty();
    assertThat(store().latestBuilds(PUBLISHED)).isEmpty();
    assertThat(store().buildsPerDay(NOON.minusSeconds(86_400 * 30L))).isEmpty();
  }

  @Test
  default void buildsAreCountedByTheUtcDayTheyStartedAndTheirStatusFromTheInstantGiven() {
    Instant midnight = Instant.parse("2026-11-20T00:00:00Z");
    List<BuildRecord> builds = List.of(
        listed("b-1", SALES_REF, PUBLISHED, midnight.minusSeconds(86_400)),
        listed("b-2", SALES_REF, PUBLISHED, midnight.minusMillis(1)),
        listed("b-3", LEADS_REF, FAILED, midnight.minusMillis(1)),
        listed("b-4", SALES_REF, PUBLISHED, midnight),
        listed("b-5", LEADS_REF, PUBLISHED, NOON),
        listed("b-6", LEADS_REF, FAILED, NOON.plusSeconds(1)),
        listed("b-7", DRAFT_REF, INTERRUPTED, NOON.plusSeconds(2)),
        listed("b-8", DRAFT_REF, FAILED, midnight.plusSeconds(86_400 + 7)),
        listed("b-9", SALES_REF, RUNNING, midnight.plusSeconds(86_400 + 8)));
    builds.forEach(store()::saveBuild);
    LocalDate the19th = LocalDate.parse("2026-11-19");
    LocalDate the20th = LocalDate.parse("2026-11-20");
    LocalDate the21st = LocalDate.parse("2026-11-21");

    assertThat(store().buildsPerDay(midnight.minusSeconds(3600))).containsExactly(
        new BuildCount(the19th, PUBLISHED, 1), new BuildCount(the19th, FAILED, 1),
        new BuildCount(the20th, PUBLISHED, 2), new BuildCount(the20th, FAILED, 1),
        new BuildCount(the20th, INTERRUPTED, 1),
        new BuildCount(the21st, RUNNING, 1), new BuildCount(the21st, FAILED, 1));
    assertThat(store().buildsPerDay(midnight)).startsWith(new BuildCount(the20th, PUBLISHED, 2)).hasSize(5);
    assertThat(store().buildsPerDay(midnight.plusMillis(1))).startsWith(new BuildCount(the20th, PUBLISHED, 1));
    assertThat(store().buildsPerDay(midnight.plusSeconds(2 * 86_400))).isEmpty();
    assertThatThrownBy(() -> store().buildsPerDay(null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot count the builds per day: since is missing");
  }

  /** A build of {@code product} that read one table and started at {@code startedAt}. */
  private static BuildRecord listed(String id, ProductRef product, BuildRecord.Status status, Instant startedAt) {
    return new BuildRecord(id, product, "1.0.0", status, "publish", "table", startedAt,
        status == RUNNING ? null : startedAt.plusSeconds(5), 100, 4096, 1L, status == PUBLISHED ? 97.5 : null,
        status == PUBLISHED || status == RUNNING ? null : "it went wrong",
        List.of(new InputRead("orders", "shop", "public.orders", null, null, null, 100)), List.of());
  }
}
