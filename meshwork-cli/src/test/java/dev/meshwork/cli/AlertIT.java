package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Late products and failed builds alert their owner by webhook and in the home's log, once per change. */
class AlertIT {

  private static final String OWNER = " (owner: shop-team@example.com)";

  @TempDir
  Path dir;

  @Test
  void aLateProductAndAFailedBuildAlertOnceEachAndTheirRecoveryToo() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      TestMesh mesh = ScheduledMesh.create(dir, "  sla: {freshness: {maxAge: 1h}}\n", """
          scheduler: {tick: PT0.1S, retention: "off"}
          alerts:
            webhooks:
              - ${env:SHOP_ALERTS}
              - http://127.0.0.1:1/services/secret-token
          """);
      mesh.env.put("SHOP_ALERTS", receiver.url());
      mesh.write("specs/broken.yaml", """
          apiVersion: meshwork/v1
          kind: DataProduct
          metadata: {name: broken, domain: shop, owner: shop-team@example.com}
          spec:
            version: 1.0.0
            classification: INTERNAL
            retentionDays: 30
            inputs: [{name: raw, source: sales-files, tables: [sales]}]
            transform: {sql: "SELECT customer FROM raw.sales"}
            schema: [{name: customer, type: string}]
            quality: [{rule: rowCount, mustBeGreaterThan: 100}]
          """);
      assertThat(mesh.apply().exit()).isZero();
      Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      assertThat(Cli.run(mesh.env, Clock.fixed(published, ZoneOffset.UTC), "build", "shop.sales").exit()).isZero();
      TestClock clock = new TestClock(published.plusSeconds(60));

      try (ServeProcess server = ServeProcess.start(mesh.env, clock)) {
        ScheduledMesh.awaitLog(mesh, "scheduler.log", "shop.sales freshness: FRESH");
        ScheduledMesh.awaitLog(mesh, "scheduler.log", "shop.sales builds: PASSING");
        assertThat(receiver.bodies()).as("a healthy product's first state is only recorded").isEmpty();

        clock.set(published.plus(Duration.ofHours(1)));
        assertThat(receiver.await(1)).containsExactly("{\"text\":\"shop.sales is late: its SLA is maxAge 1h, "
            + "last published " + published + ", late since " + published.plus(Duration.ofHours(1)) + OWNER + "\"}");
        assertThat(receiver.contentTypes()).containsExactly("application/json");
        ServeProcess.await(() -> server.text("/metrics").contains("meshwork_late_products 1.0"), Duration.ofSeconds(10),
            "the late product in /metrics");

        HttpResponse<String> failed = server.post("/api/v1/products/shop.broken/builds", "{}");
        assertThat(failed.statusCode()).isEqualTo(422);
        JsonNode build = new ObjectMapper().readTree(failed.body()).get("details");
        List<String> alerts = receiver.await(2);
        assertThat(new ObjectMapper().readTree(alerts.get(1)).get("text").asText()).isEqualTo("shop.broken failed "
            + "to build: build " + build.get("id").asText() + " failed at audit: " + build.get("error").asText() + OWNER);

        assertThat(server.post("/api/v1/products/shop.broken/builds", "{}").statusCode()).isEqualTo(422);
        ScheduledMesh.awaitLog(mesh, "alerts.log", "cannot deliver the alert of shop.broken");
        Thread.sleep(500);
        assertThat(receiver.bodies()).as("still late and still failing: nothing new to say").hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        Instant republished = clock.instant();
        assertThat(server.post("/api/v1/products/shop.sales/builds", "{}").statusCode()).isEqualTo(200);
        assertThat(receiver.await(3).get(2)).isEqualTo("{\"text\":\"Resolved: shop.sales is fresh: its SLA is maxAge "
            + "1h, last published " + republished + ", late at " + republished.plus(Duration.ofHours(1))
            + " unless it publishes again" + OWNER + "\"}");
        ScheduledMesh.awaitLog(mesh, "alerts.log", "no longer retrying the alert of shop.sales: its state changed since");
      }
      String log = ScheduledMesh.log(mesh, "alerts.log");
      assertThat(log.lines().filter(line -> line.contains(" ALERT "))).hasSize(3);
      assertThat(log).contains("ALERT shop.sales LATE: shop.sales is late", "ALERT shop.broken FAILING: shop.broken "
              + "failed to build", "ALERT shop.sales FRESH: Resolved: shop.sales is fresh")
          .contains("cannot deliver the alert of shop.sales: cannot reach webhook 2 (127.0.0.1): ConnectException")
          .doesNotContain("secret-token");
    }
  }

  @Test
  void anAlertAWebhookRefusedIsDeliveredOnItsNextAttempt() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(1)) {
      TestMesh mesh = ScheduledMesh.create(dir, "  sla: {freshness: {maxAge: 1h}}\n", """
          scheduler: {tick: PT0.1S, retention: "off"}
          alerts: {webhooks: ["${env:SHOP_ALERTS}"]}
          """);
      mesh.env.put("SHOP_ALERTS", receiver.url());
      assertThat(mesh.apply().exit()).isZero();
      Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      assertThat(Cli.run(mesh.env, Clock.fixed(published, ZoneOffset.UTC), "build", "shop.sales").exit()).isZero();
      TestClock clock = new TestClock(published.plusSeconds(60));

      try (ServeProcess server = ServeProcess.start(mesh.env, clock)) {
        ScheduledMesh.awaitLog(mesh, "scheduler.log", "shop.sales freshness: FRESH");
        Instant late = published.plus(Duration.ofHours(1));
        clock.set(late);
        ScheduledMesh.awaitLog(mesh, "alerts.log", "cannot deliver the alert of shop.sales: webhook 1 (127.0.0.1) "
            + "answered 503; trying again at " + late.plus(Duration.ofMinutes(1)));
        Thread.sleep(300);
        assertThat(receiver.bodies()).as("not before its time").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(receiver.await(1)).singleElement().asString().startsWith("{\"text\":\"shop.sales is late: ");
        ScheduledMesh.awaitLog(mesh, "alerts.log", "delivered the alert of shop.sales to webhook 1 (127.0.0.1) on attempt 2");
        clock.advance(Duration.ofMinutes(10));
        Thread.sleep(300);
        assertThat(receiver.bodies()).as("delivered once").hasSize(1);
      }
      assertThat(ScheduledMesh.log(mesh, "alerts.log").lines().filter(line -> line.contains(" ALERT "))).hasSize(1);
    }
  }

  @Test
  void aWebhookThatCannotBeResolvedStopsTheServerFromStartingWithoutShowingIt() throws Exception {
    TestMesh mesh = ScheduledMesh.create(dir, "", "alerts: {webhooks: [\"${env:SHOP_ALERTS}\"]}\n");
    mesh.env.put("SHOP_ALERTS", "not a url with a s3cret");

    Cli served = mesh.mesh("serve", "--port", "0");

    assertThat(served.exit()).isEqualTo(2);
    assertThat(served.err()).contains("cannot start the scheduler: alerts.webhooks[0] is not an http or https URL")
        .doesNotContain("s3cret");
    assertThat(mesh.mesh("status").exit()).as("the home is free again").isZero();
  }
}
