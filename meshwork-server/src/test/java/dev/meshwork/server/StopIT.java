package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping lets a running build finish, refuses new requests meanwhile, then closes what the server owns. */
class StopIT {

  @TempDir
  Path dir;

  @Test
  void drainsRunningBuildsThenClosesThePlatform() throws Exception {
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    String admin = platform.identities().ensureAdmin().orElseThrow().secret();
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean closed = new AtomicBoolean();
    Operations operations = (Operations) Proxy.newProxyInstance(Operations.class.getClassLoader(),
        new Class<?>[] {Operations.class}, (proxy, method, args) -> {
          if (!method.getName().equals("build")) {
            throw new UnsupportedOperationException(method.getName());
          }
          building.countDown();
          release.await(20, TimeUnit.SECONDS);
          Instant at = Instant.parse("2026-11-21T10:00:00Z");
          return List.of(new BuildRecord("b1", new ProductRef("shop", "sales"), "1.0.0", BuildRecord.Status.PUBLISHED,
              "publish", "table", at, at, 3, 100, 7L, 100.0, null, null, null));
        });
    MeshServer server = MeshServer.start(operations, () -> {
      closed.set(true);
      platform.close();
    }, ServerOptions.of("127.0.0.1", 0), TokenAuthorizer.of(platform.identities()));
    Http http = new Http(server.port(), admin);

    CompletableFuture<Http.Response> build = CompletableFuture.supplyAsync(
        () -> http.postJson("/api/v1/products/shop.sales/builds", "{}"));
    assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
    Thread.sleep(200);

    Http.Response refused = http.get("/health");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.json().get("message").asText()).isEqualTo("cannot answer GET /health: the server is stopping");
    assertThat(stopping).isNotDone();
    assertThat(closed).isFalse();

    release.countDown();
    assertThat(build.get(10, TimeUnit.SECONDS).json().get("status").asText()).isEqualTo("PUBLISHED");
    stopping.get(10, TimeUnit.SECONDS);
    assertThat(closed).isTrue();
  }
}
