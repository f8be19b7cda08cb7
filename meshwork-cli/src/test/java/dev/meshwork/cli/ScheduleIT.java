package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh serve} builds products on their schedule: cron, on-upstream, and runs retention daily. */
class ScheduleIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void aCronScheduleBuildsWhenItsTimeComesItsReadersFollowAndRetentionRuns() throws Exception {
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    TestClock clock = new TestClock(hour.minusSeconds(10));
    TestMesh mesh = ScheduledMesh.create(dir, "  schedule: \"0 * * * *\"\n",
        "scheduler: {tick: PT0.1S, retention: \"0 * * * *\"}\n");
    assertThat(mesh.apply().exit()).isZero();

    try (ServeProcess server = ServeProcess.start(mesh.env, clock)) {
      ScheduledMesh.awaitLog(mesh, "scheduler.log", "scheduled build shop.totals: on-upstream");
      assertThat(server.status("shop.sales").get("lastBuild").isNull()).as("not its time yet").isTrue();

      clock.set(hour.plusSeconds(5));
      ServeProcess.await(() -> server.status("shop.totals").path("lastBuildStatus").asText().equals("PUBLISHED"), WAIT,
          "shop.totals to publish");
      JsonNode sales = server.status("shop.sales");
      assertThat(sales.get("lastBuildStatus").asText()).isEqualTo("PUBLISHED");
      assertThat(sales.get("rows").asLong()).isEqualTo(5);
      assertThat(sales.get("publishedAt").asText()).isEqualTo(hour.plusSeconds(5).toString());
      assertThat(server.status("shop.totals").get("rows").asLong()).isEqualTo(4);
      ScheduledMesh.awaitLog(mesh, "scheduler.log", "retention (cron");
      List<String> scheduled = new ArrayList<>();
      for (JsonNode run : server.get("/api/v1/retention/runs")) {
        if (run.get("trigger").asText().equals("schedule")) {
          scheduled.add(run.get("product").asText() + " " + run.get("at").asText());
        }
      }
      assertThat(scheduled).containsExactlyInAnyOrder("shop.sales " + hour.plusSeconds(5),
          "shop.totals " + hour.plusSeconds(5));
    }
    String log = ScheduledMesh.log(mesh, "scheduler.log");
    assertThat(log).containsPattern("build shop\\.sales \\(cron 0 \\* \\* \\* \\* at " + hour
            + "\\): PUBLISHED snapshot \\d+")
        .containsPattern("build shop\\.totals \\(on-upstream, an input published at " + hour.plusSeconds(5)
            + "\\): PUBLISHED snapshot \\d+")
        .contains("retention (cron 0 * * * * at " + hour + "): 2 product(s), 0 failed");
    assertThat(log.lines().filter(line -> line.contains("build shop.sales (cron"))).as("once per time").hasSize(1);
  }

  @Test
  void anOnUpstreamProductBuildsAfterEachPublishOfAnInputNotBefore() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    TestMesh mesh = ScheduledMesh.create(dir, "", "scheduler: {tick: PT0.1S, retention: \"off\"}\n");
    assertThat(mesh.apply().exit()).isZero();
    assertThat(Cli.run(mesh.env, Clock.fixed(start, ZoneOffset.UTC), "build", "shop.sales").exit()).isZero();
    TestClock clock = new TestClock(start.plusSeconds(60));

    try (ServeProcess server = ServeProcess.start(mesh.env, clock)) {
      ScheduledMesh.awaitLog(mesh, "scheduler.log", "scheduled build shop.totals: on-upstream");
      Thread.sleep(300);
      assertThat(server.status("shop.totals").get("lastBuild").isNull())
          .as("shop.sales published before shop.totals was scheduled").isTrue();

      clock.advance(Duration.ofSeconds(30));
      HttpResponse<String> built = server.post("/api/v1/products/shop.sales/builds", "{}");
      assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
      ServeProcess.await(() -> server.status("shop.totals").path("lastBuildStatus").asText().equals("PUBLISHED"), WAIT,
          "shop.totals to publish");

      long salesSnapshot = server.status("shop.sales").get("snapshotId").asLong();
      JsonNode totals = server.get("/api/v1/products/shop.totals/builds");
      assertThat(totals).hasSize(1);
      assertThat(totals.get(0).get("inputs").get(0).get("snapshotId").asLong()).isEqualTo(salesSnapshot);
    }
    assertThat(ScheduledMesh.log(mesh, "scheduler.log")).containsPattern(
        "build shop\\.totals \\(on-upstream, an input published at " + start.plusSeconds(90) + "\\): PUBLISHED");
  }

  @Test
  void anInvalidCronIsRefusedAtApplyWithItsPlace() {
    TestMesh mesh = ScheduledMesh.create(dir, "  schedule: \"0 25 * * *\"\n", "");

    Cli applied = mesh.apply();

    assertThat(applied.exit()).isEqualTo(2);
    assertThat(applied.err()).contains("sales.yaml:9:13: spec.schedule: '0 25 * * *' is not a cron schedule: "
        + "Failed to parse cron expression. Value 25 not in range [0, 23]");
  }
}
