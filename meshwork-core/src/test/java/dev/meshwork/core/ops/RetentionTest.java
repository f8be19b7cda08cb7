package dev.meshwork.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static final ProductRef DAILY = new ProductRef("orders", "daily");
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");

  private final List<RetentionRun> recorded = new ArrayList<>();
  private final List<Instant> expiredBefore = new ArrayList<>();

  @Test
  void anExpiryIsRecordedWithItsCountsAndTheCutoffOfTheRetention() {
    RetentionRun run = Retention.enforce(tables(() -> new TableStore.Expiry(2, 5, 7)), store(), DAILY, 30, NOW,
        RetentionRun.BUILD);

    assertThat(expiredBefore).containsExactly(Instant.parse("2026-10-21T06:00:00Z"));
    assertThat(run).extracting(RetentionRun::product, RetentionRun::cutoff, RetentionRun::snapshots,
            RetentionRun::partitions, RetentionRun::files, RetentionRun::trigger, RetentionRun::error, RetentionRun::at)
        .containsExactly("orders.daily", Instant.parse("2026-10-21T06:00:00Z"), 2, 5, 7, "build", null, NOW);
    assertThat(run.failed()).isFalse();
    assertThat(recorded).containsExactly(run);
  }

  @Test
  void aFailedExpiryIsRecordedWithItsErrorAndReturnedNotThrown() {
    RetentionRun run = Retention.enforce(tables(() -> {
      throw new EngineException("cannot read table orders.daily: metadata file missing");
    }), store(), DAILY, 1, NOW, RetentionRun.MANUAL);

    assertThat(run.failed()).isTrue();
    assertThat(run.error()).isEqualTo("cannot expire orders.daily: cannot read table orders.daily: metadata file missing");
    assertThat(run).extracting(RetentionRun::snapshots, RetentionRun::partitions, RetentionRun::files,
        RetentionRun::cutoff).containsExactly(0, 0, 0, Instant.parse("2026-11-19T06:00:00Z"));
    assertThat(recorded).containsExactly(run);
  }

  @Test
  void aRetentionBelowOneDayOrAnUnknownTriggerIsRefusedBeforeExpiringAnything() {
    TableStore tables = tables(() -> new TableStore.Expiry(0, 0, 0));
    assertThatThrownBy(() -> Retention.enforce(tables, store(), DAILY, 0, NOW, RetentionRun.MANUAL))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot enforce the retention of orders.daily: retentionDays must be at least 1, not 0");
    assertThatThrownBy(() -> Retention.enforce(tables, store(), DAILY, 30, NOW, "nightly"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot enforce the retention of orders.daily: trigger 'nightly' is not one of build, manual, schedule");
    assertThat(expiredBefore).isEmpty();
    assertThat(recorded).isEmpty();
  }

  /** A table store whose {@code expire} notes its cutoff and answers {@code expiry}; nothing else is called. */
  private TableStore tables(Supplier<TableStore.Expiry> expiry) {
    return (TableStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TableStore.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("expire")) {
            throw new AssertionError("unexpected call " + method.getName());
          }
          assertThat(args[0]).isEqualTo(DAILY);
          expiredBefore.add((Instant) args[1]);
          return expiry.get();
        });
  }

  /** A metadata store that keeps recorded runs; nothing else is called. */
  private MetadataStore store() {
    return (MetadataStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetadataStore.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("recordRetention")) {
            throw new AssertionError("unexpected call " + method.getName());
          }
          recorded.add((RetentionRun) args[0]);
          return null;
        });
  }
}
