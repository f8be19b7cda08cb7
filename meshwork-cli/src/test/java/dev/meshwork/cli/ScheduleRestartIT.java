package dev.meshwork.cli;

import static dev.meshwork.core.spi.StateChange.State.FRESH;
import static dev.meshwork.core.spi.StateChange.State.LATE;
import static dev.meshwork.core.spi.StateChange.State.PASSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.schedule.Freshness;
import dev.meshwork.core.spi.ScheduleState;
import dev.meshwork.core.spi.StateChange;
import dev.meshwork.spec.ProductRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that stops and starts again loses nothing: schedules resume from their last run (a time
 * missed while stopped runs once), freshness states and their history stay, and no alert is sent twice.
 */
class ScheduleRestartIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ProductRef SALES = new ProductRef("shop", "sales");
  private static final String OWNER = " (owner: shop-team@example.com)";

  @TempDir
  Path dir;

  @Test
  void aRestartedServerResumesItsSchedulesKeepsItsStatesAndSendsNoAlertTwice() throws Exception {
    // hourly, first in two minutes: close to the time the products are applied, which starts their SLA
    Instant hour = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(2, ChronoUnit.MINUTES);
    String cron = hour.atZone(ZoneOffset.UTC).getMinute() + " * * * *";
    TestClock clock = new TestClock(hour.minusSeconds(10));
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      TestMesh mesh = ScheduledMesh.create(dir, "  schedule: \"" + cron + "\"\n  sla: {freshness: {maxAge: 30m}}\n",
          "scheduler: {tick: PT0.1S, retention: \"off\"}\nalerts: {webhooks: [\"" + receiver.url() + "\"]}\n");
      assertThat(mesh.apply().exit()).isZero();

      String token;
      try (ServeProcess server = ServeProcess.start(mesh.env, clock)) {
        token = server.token;
        ScheduledMesh.awaitLog(mesh, "scheduler.log", "shop.sales freshness: FRESH");
        clock.set(hour.plusSeconds(5));
        awaitBuilds(server, "shop.totals", 1);
        clock.set(hour.plus(Duration.ofMinutes(31)));
        assertThat(receiver.await(1)).containsExactly("{\"text\":\"shop.sales is late: its SLA is maxAge 30m, last "
            + "published " + hour.plusSeconds(5) + ", late since " + hour.plusSeconds(5).plus(Duration.ofMinutes(30))
            + OWNER + "\"}");
      }
      try (Platform platform = Platform.open(new Home(dir.resolve("home")), mesh.env, clock)) {
        assertThat(platform.scheduler().jobs()).extracting(ScheduleState::job, ScheduleState::lastRun).containsExactly(
            tuple("build shop.sales", hour), tuple("build shop.totals", hour.plusSeconds(5)));
        assertThat(platform.monitor().freshness(SALES)).map(Freshness::state).contains(Freshness.State.LATE);
      }

      // back in the same hour: nothing is due, and the late product's alert went out already
      try (ServeProcess server = ServeProcess.restart(mesh.env, clock, token)) {
        ServeProcess.await(() -> ScheduledMesh.log(mesh, "scheduler.log").lines().filter(l -> l.contains(" started: ")).count()
            == 2, WAIT, "the second start");
        Thread.sleep(500);
        assertThat(server.get("/api/v1/products/shop.sales/builds")).hasSize(1);
        assertThat(receiver.bodies()).hasSize(1);
      }

      // stopped over two of its times: it runs once when back, and its readers follow
      Instant back = hour.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(10));
      clock.set(back);
      try (ServeProcess server = ServeProcess.restart(mesh.env, clock, token)) {
        awaitBuilds(server, "shop.totals", 2);
        assertThat(receiver.await(2).get(1)).isEqualTo("{\"text\":\"Resolved: shop.sales is fresh: its SLA is maxAge "
            + "30m, last published " + back + ", late at " + back.plus(Duration.ofMinutes(30))
            + " unless it publishes again" + OWNER + "\"}");
        Thread.sleep(300);
        assertThat(server.get("/api/v1/products/shop.sales/builds")).hasSize(2);
      }
      assertThat(receiver.bodies()).hasSize(2);
      assertThat(ScheduledMesh.log(mesh, "scheduler.log"))
          .contains("build shop.sales (cron " + cron + " at " + hour.plus(Duration.ofHours(2)) + "): PUBLISHED");

      try (Platform platform = Platform.open(new Home(dir.resolve("home")), mesh.env, clock)) {
        assertThat(platform.scheduler().jobs()).extracting(ScheduleState::job, ScheduleState::lastRun).containsExactly(
            tuple("build shop.sales", hour.plus(Duration.ofHours(2))), tuple("build shop.totals", back));
        assertThat(platform.monitor().history(SALES, 10).stream()
                .filter(change -> change.aspect() == StateChange.Aspect.FRESHNESS))
            .extracting(StateChange::from, StateChange::to, change -> change.alertedAt() != null)
            .containsExactly(tuple(LATE, FRESH, true), tuple(FRESH, LATE, true), tuple(null, FRESH, false));
        assertThat(platform.monitor().states()).extracting(StateChange::product, StateChange::to).containsExactly(
            tuple("shop.sales", FRESH), tuple("shop.sales", PASSING), tuple("shop.totals", PASSING));
      }
    }
  }

  private static void awaitBuilds(ServeProcess server, String product, int count) throws InterruptedException {
    ServeProcess.await(() -> server.get("/api/v1/products/" + product + "/builds").size() == count
        && server.status(product).path("lastBuildStatus").asText().equals("PUBLISHED"), WAIT,
        count + " publish(es) of " + product);
  }
}
