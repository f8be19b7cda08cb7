package dev.meshwork.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsRelayTest {

  private static final BuildRecord BUILD = new BuildRecord("b1", ProductRef.parse("shop.sales"), "1.0.0",
      BuildRecord.Status.PUBLISHED, "publish", "table", Instant.parse("2026-11-21T10:00:00Z"),
      Instant.parse("2026-11-21T10:00:02Z"), 3, 100, 7L, 100.0, null, List.of(), List.of());

  /** Writes down what it hears. */
  static final class Heard implements Metrics {
    final List<String> events = new ArrayList<>();

    @Override
    public void built(BuildRecord build) {
      events.add("built " + build.product() + " " + build.status());
    }

    @Override
    public void lateProducts(int count) {
      events.add("late " + count);
    }

    @Override
    public void accessRequest(String decision) {
      events.add("access " + decision);
    }

    @Override
    public void timeToAccess(Duration leadTime) {
      events.add("time to access " + leadTime);
    }
  }

  @Test
  void passesEverythingOnToEachAttachedRecorder() {
    MetricsRelay relay = new MetricsRelay();
    relay.built(BUILD);
    Heard first = new Heard();
    Heard second = new Heard();
    relay.attach(first);
    relay.attach(second);
    relay.built(BUILD);
    relay.lateProducts(2);
    relay.accessRequest("approved");
    relay.timeToAccess(Duration.ofHours(3));
    List<String> expected = List.of("built shop.sales PUBLISHED", "late 2", "access approved", "time to access PT3H");
    assertThat(first.events).isEqualTo(expected);
    assertThat(second.events).isEqualTo(expected);

    relay.detach(first);
    relay.lateProducts(0);
    assertThat(first.events).hasSize(4);
    assertThat(second.events).endsWith("late 0");
  }

  @Test
  void aFailingRecorderFailsNothing() {
    MetricsRelay relay = new MetricsRelay();
    relay.attach(new Metrics() {
      @Override
      public void built(BuildRecord build) {
        throw new IllegalStateException("the recorder is broken");
      }
    });
    Heard heard = new Heard();
    relay.attach(heard);
    relay.built(BUILD);
    assertThat(heard.events).containsExactly("built shop.sales PUBLISHED");
  }
}
