package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL at any stage leaves the published product as it was, and the next
 * build succeeds. The build runs in a real child process, killed as soon as it reports a stage.
 */
class KillIT {

  private static final List<String> STAGES = List.of("read", "transform", "check", "write", "stage", "audit", "publish");

  @TempDir
  Path dir;

  @Test
  void aBuildKilledAtAnyStageLeavesThePublishedProductUnchanged() throws Exception {
    TestMesh mesh = new TestMesh(dir);
    mesh.write("specs/data/sales/2026-11-01.csv", sales(1, 200_000, "2026-11-01"));
    mesh.write("specs/data/sales/2026-11-02.csv", sales(200_001, 200_000, "2026-11-02"));
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    long published = Long.parseLong(mesh.scalar("SELECT count(*) FROM shop.sales"));
    assertThat(published).isEqualTo(400_000);

    int file = 3;
    for (String stage : STAGES) {
      mesh.write("specs/data/sales/2026-11-0" + file + ".csv", sales(file * 1_000_000L, 50_000, "2026-11-0" + file));
      file++;
      long next = published + 50_000;
      killAt(mesh, stage);
      long now = Long.parseLong(mesh.scalar("SELECT count(*) FROM shop.sales"));
      if (stage.equals("publish")) {
        assertThat(now).as("killed while publishing: the old or the new snapshot, nothing between").isIn(published, next);
      } else {
        assertThat(now).as("killed at " + stage).isEqualTo(published);
      }
      String status = mesh.mesh("status", "shop.sales").out();
      assertThat(status).as("after a kill at " + stage).containsAnyOf("interrupted",
          stage.equals("publish") && now == next ? "published" : "interrupted");
      Cli rebuilt = mesh.mesh("build", "shop.sales");
      assertThat(rebuilt.exit()).as("the build after a kill at " + stage + ": " + rebuilt.out()).isZero();
      published = Long.parseLong(mesh.scalar("SELECT count(*) FROM shop.sales"));
      assertThat(published).isEqualTo(next);
    }
  }

  private static void killAt(TestMesh mesh, String stage) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.meshwork.cli.Main", "build", "shop.sales");
    builder.environment().putAll(mesh.env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process child = builder.start();
    List<String> seen = new ArrayList<>();
    try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        seen.add(line);
        if (line.endsWith(" shop.sales " + stage)) {
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("the child was killed at " + stage + " after: " + seen).isEqualTo(137);
  }

  private static String sales(long firstId, int rows, String day) {
    StringBuilder csv = new StringBuilder("id,customer,amount,day\n");
    for (long id = firstId; id < firstId + rows; id++) {
      csv.append(id).append(",customer").append(id % 977).append(',').append(100 + id % 5000).append(',').append(day).append('\n');
    }
    return csv.toString();
  }
}
