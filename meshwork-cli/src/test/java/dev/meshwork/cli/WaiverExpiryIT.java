package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A waiver stops applying by itself when it expires: nobody revokes it. */
class WaiverExpiryIT {

  @TempDir
  Path dir;

  @Test
  void anExpiredWaiverNoLongerLetsTheProductThrough() {
    TestMesh mesh = new TestMesh(dir);
    mesh.write("specs/sales.yaml", TestMesh.SALES.replace("retentionDays: 365", "retentionDays: 200"));
    MovableClock clock = new MovableClock(Instant.parse("2026-11-01T09:00:00Z"));
    Home home = Home.locate(dir.resolve("home"), Map.of());
    try (Platform platform = Platform.open(home, Map.of(), clock)) {
      var ops = platform.operations();
      ops.apply(load(mesh, mesh.specs));
      ops.apply(load(mesh, Path.of("..", "meshwork-core", "src", "main", "resources", "dev", "meshwork", "core",
          "policies", "builtin.yaml").toAbsolutePath()));
      assertThatThrownBy(() -> ops.apply(load(mesh, mesh.specs)))
          .isInstanceOf(InvalidException.class).hasMessageContaining("nothing was applied");
      clock.advance(Duration.ofMinutes(1));

      ops.grantWaiver("mesh-sla-required", ProductRef.parse("shop.sales"), "SLA written down next week",
          clock.instant().plus(Duration.ofDays(7)), "governance");
      assertThat(ops.apply(load(mesh, mesh.specs)).changes()).isNotEmpty();

      clock.advance(Duration.ofDays(8));
      assertThat(ops.waivers(false)).isEmpty();
      assertThat(ops.waivers(true)).extracting(w -> w.policy()).containsExactly("mesh-sla-required");
      assertThatThrownBy(() -> ops.apply(load(mesh, mesh.specs)))
          .isInstanceOf(InvalidException.class).hasMessageContaining("nothing was applied");
      List<PolicyResult> results = ops.policyResults("shop.sales", 100);
      assertThat(results).filteredOn(r -> r.policy().equals("mesh-sla-required")).extracting(PolicyResult::outcome)
          .containsExactly(PolicyResult.Outcome.FAILED, PolicyResult.Outcome.WAIVED, PolicyResult.Outcome.FAILED);
    }
  }

  private static List<dev.meshwork.spec.load.LoadedResource> load(TestMesh mesh, Path path) {
    Loader.Result result = new Loader(mesh.dir).load(List.of(path));
    assertThat(result.problems()).isEmpty();
    return result.resources();
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
