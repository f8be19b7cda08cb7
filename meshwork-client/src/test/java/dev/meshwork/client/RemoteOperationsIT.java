package dev.meshwork.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.server.MeshServer;
import dev.meshwork.server.ServerOptions;
import dev.meshwork.server.TokenAuthorizer;
import dev.meshwork.spec.error.DeniedException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenarios over HTTP: a real server on a real platform, called with the admin's token. */
class RemoteOperationsIT extends OperationsScenarios {

  Platform platform;
  MeshServer server;
  String url;

  @Override
  Operations open(Path home) {
    platform = Platform.open(new Home(home), Map.of(), Clock.systemUTC());
    String admin = platform.identities().ensureAdmin().orElseThrow().secret();
    // the client sends the specs with absolute data paths, in the folder the home is in
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withFileFolders(List.of(home.getParent())),
        TokenAuthorizer.of(platform.identities()));
    url = "http://127.0.0.1:" + server.port();
    return new RemoteOperations(url, admin);
  }

  @Override
  Operations newUser(String name, String email) {
    platform.identities().createUser(name, email, null, false);
    return new RemoteOperations(url, platform.identities().issueToken(name, null).secret());
  }

  @Override
  void close() {
    server.stop();
  }

  @Test
  void tellsWhoTheTokenBelongsTo() {
    Principal admin = ((RemoteOperations) operations).whoami();
    assertThat(admin.user()).isEqualTo("admin");
    assertThat(admin.admin()).isTrue();
  }

  @Test
  void refusesAMissingOrBadToken() {
    assertThatThrownBy(() -> new RemoteOperations(url, null).status(null)).isInstanceOf(DeniedException.class)
        .hasMessage("cannot use the platform at " + url + ": missing bearer token; give a valid API token (MESH_TOKEN, or mesh login)");
    assertThatThrownBy(() -> new RemoteOperations(url, "mw_nothing").whoami()).isInstanceOf(DeniedException.class)
        .hasMessage("cannot use the platform at " + url + ": invalid token; give a valid API token (MESH_TOKEN, or mesh login)");
  }

  @Test
  void aConsumerMayReadButNotBuild() {
    platform.identities().createUser("cora", "cora@example.com", null, false);
    RemoteOperations cora = new RemoteOperations(url, platform.identities().issueToken("cora", null).secret());
    assertThat(cora.status(SALES).get(0).rows()).isEqualTo(5);
    assertThatThrownBy(() -> cora.build(BuildRequest.of(SALES), BuildListener.NONE)).isInstanceOf(DeniedException.class)
        .hasMessage("user cora may not build products: only owners and members of a domain, or a platform admin");
  }
}
