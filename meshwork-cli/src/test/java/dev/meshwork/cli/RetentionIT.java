package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh retention run|history}: old partitions leave the published table and every run is recorded. */
class RetentionIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  /** Twenty days on: with a 30-day retention the cutoff is ten days ago. */
  private static final Instant LATER = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
      .plus(Duration.ofDays(20));

  @TempDir
  Path dir;

  TestMesh mesh;

  @BeforeEach
  void setUp() {
    mesh = new TestMesh(dir);
    mesh.write("specs/sales.yaml", TestMesh.SALES.replace("retentionDays: 365", "retentionDays: 30"));
    // a partition 25 days old, one 5 days old: both within the retention when built today
    mesh.write("specs/data/sales/2026-11-01.csv",
        "id,customer,amount,day\n1,ana,10," + TODAY.minusDays(25) + "\n2,li,20," + TODAY.minusDays(25) + "\n");
    mesh.write("specs/data/sales/2026-11-02.csv", "id,customer,amount,day\n3,bo,30," + TODAY.minusDays(5) + "\n");
  }

  private Cli later(String... args) {
    return Cli.run(mesh.env, Clock.fixed(LATER, ZoneOffset.UTC), args);
  }

  @Test
  void aRunExpiresThePartitionsOlderThanTheRetentionAndIsRecorded() throws Exception {
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("3");

    Cli run = later("retention", "run");

    assertThat(run.exit()).as(run.err()).isZero();
    String cutoff = LATER.minus(Duration.ofDays(30)).toString();
    assertThat(run.out()).containsPattern("(?m)^PRODUCT +CUTOFF +SNAPSHOTS +PARTITIONS +FILES +ERROR$")
        .containsPattern("(?m)^shop\\.sales  " + cutoff + "  0 +1 +0 +-$")
        .contains("retention run on 1 product");
    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("1");
    assertThat(mesh.scalar("SELECT min(day) FROM shop.sales")).isEqualTo(TODAY.minusDays(5).toString());

    Cli history = mesh.mesh("retention", "history", "-o", "json");
    assertThat(history.exit()).as(history.err()).isZero();
    JsonNode runs = new ObjectMapper().readTree(history.out());
    assertThat(runs).hasSize(2);
    assertThat(runs.get(1).get("trigger").asText()).as("the expiry that ends every publish").isEqualTo("build");
    JsonNode recorded = runs.get(0);
    assertThat(recorded.get("product").asText()).isEqualTo("shop.sales");
    assertThat(recorded.get("trigger").asText()).isEqualTo("manual");
    assertThat(recorded.get("cutoff").asText()).isEqualTo(cutoff);
    assertThat(recorded.get("at").asText()).isEqualTo(LATER.toString());
    assertThat(recorded.get("partitions").asInt()).isEqualTo(1);
    assertThat(recorded.get("snapshots").asInt()).isZero();
    assertThat(recorded.get("error").isNull()).isTrue();
    assertThat(mesh.mesh("retention", "history", "shop.sales").out())
        .containsPattern("(?m)^AT +TRIGGER +PRODUCT +CUTOFF +SNAPSHOTS +PARTITIONS +FILES +ERROR$")
        .containsPattern("(?m)^" + LATER + "  manual   shop\\.sales  " + cutoff + "  0 +1 +0 +-$");
  }

  @Test
  void aFailedProductIsRecordedWithItsErrorWhileTheOthersStillRunAndTheExitCodeIsOne() throws Exception {
    mesh.write("specs/copy.yaml", TestMesh.SALES.replace("retentionDays: 365", "retentionDays: 30")
        .replace("name: sales,", "name: sales_copy,"));
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("build", "--all").exit()).isZero();
    Path metadata = dir.resolve("home/lake/shop/sales/metadata");
    assertThat(metadata).isDirectory();
    try (Stream<Path> files = Files.list(metadata)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }

    Cli run = later("retention", "run");

    assertThat(run.exit()).isEqualTo(ExitCodes.FAILED_CHECK);
    assertThat(run.out()).containsPattern("(?m)^shop\\.sales  .*cannot expire shop\\.sales: ")
        .containsPattern("(?m)^shop\\.sales_copy  \\S+  0 +1 +0 +-$")
        .contains("retention run on 2 products, 1 failed");
    JsonNode runs = new ObjectMapper().readTree(mesh.mesh("retention", "history", "-o", "json").out());
    assertThat(runs).hasSize(4);
    assertThat(runs.findValuesAsText("trigger")).containsExactly("manual", "manual", "build", "build");
    assertThat(runs.findValues("error")).filteredOn(e -> !e.isNull()).hasSize(1);
  }

  @Test
  void anUnknownProductIsNotFoundAndANeverPublishedOneIsSkipped() {
    assertThat(mesh.apply().exit()).isZero();

    Cli unknown = mesh.mesh("retention", "run", "shop.nothing");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unknown.err()).isEqualTo(
        "mesh: no product shop.nothing on this platform (apply it first with mesh apply)" + System.lineSeparator());
    Cli unknownHistory = mesh.mesh("retention", "history", "shop.nothing");
    assertThat(unknownHistory.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unknownHistory.err()).contains("mesh: no product shop.nothing on this platform");

    Cli unpublished = mesh.mesh("retention", "run", "shop.sales");
    assertThat(unpublished.exit()).isZero();
    assertThat(unpublished.out()).isEqualTo("shop.sales was never published: nothing to expire" + System.lineSeparator());
    assertThat(mesh.mesh("retention", "run").out()).isEqualTo("no published product: nothing to expire" + System.lineSeparator());
    assertThat(mesh.mesh("retention", "history").out()).isEqualTo("no retention runs recorded" + System.lineSeparator());
  }
}
