package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in pack on a platform, waivers granted and revoked, and every evaluation recorded. */
class GovernanceIT {

  @TempDir
  Path dir;

  @Test
  void aWaiverLetsAProductThroughUntilItIsRevoked() {
    TestMesh mesh = new TestMesh(dir);
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("policy", "install").exit()).isZero();

    mesh.write("specs/sales.yaml", TestMesh.SALES.replace("retentionDays: 365", "retentionDays: 200"));
    Cli refused = mesh.apply();
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("metadata.name: policy mesh-sla-required: A data product needs an SLA");

    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    Cli waived = mesh.mesh("policy", "waive", "mesh-sla-required", "shop.sales", "--expires", tomorrow,
        "--justification", "SLA agreed with finance, written down next sprint", "--by", "governance");
    assertThat(waived.exit()).as(waived.err()).isZero();
    String waiverId = waived.out().substring("waiver ".length(), waived.out().indexOf(':'));
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("policy", "waivers").out()).contains(waiverId, "mesh-sla-required", "shop.sales", "governance");
    assertThat(mesh.mesh("policy", "results", "shop.sales").out()).contains("mesh-sla-required", "waived", "failed", "passed");

    assertThat(mesh.mesh("policy", "revoke-waiver", waiverId).exit()).isZero();
    mesh.write("specs/sales.yaml", TestMesh.SALES.replace("retentionDays: 365", "retentionDays: 100"));
    assertThat(mesh.apply().exit()).isEqualTo(2);
    assertThat(mesh.mesh("policy", "waivers").out()).contains("no waivers in force");
    assertThat(mesh.mesh("policy", "waivers", "--all").out()).contains(waiverId);
  }

  @Test
  void waiversForWhatDoesNotExistOrHasEndedAreRefused() {
    TestMesh mesh = new TestMesh(dir);
    mesh.apply();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    Cli noPolicy = mesh.mesh("policy", "waive", "no-such-policy", "shop.sales", "--expires", tomorrow, "--justification", "a good reason");
    assertThat(noPolicy.exit()).isEqualTo(2);
    assertThat(noPolicy.err()).contains("cannot waive policy no-such-policy: no such policy on this platform");

    mesh.mesh("policy", "install");
    Cli noProduct = mesh.mesh("policy", "waive", "mesh-sla-required", "shop.nothing", "--expires", tomorrow, "--justification", "a good reason");
    assertThat(noProduct.exit()).isEqualTo(2);
    assertThat(noProduct.err()).contains("cannot waive policy mesh-sla-required for shop.nothing: no such product on this platform");

    Cli ended = mesh.mesh("policy", "waive", "mesh-sla-required", "shop.sales", "--expires", "2020-01-01", "--justification", "a good reason");
    assertThat(ended.exit()).isEqualTo(2);
    assertThat(ended.err()).contains("is not after grantedAt");
  }
}
