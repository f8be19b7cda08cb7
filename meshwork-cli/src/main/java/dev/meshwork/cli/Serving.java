package dev.meshwork.cli;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.config.Config;
import dev.meshwork.core.config.ConfigReader;
import dev.meshwork.server.Authorizer;
import dev.meshwork.server.MeshServer;
import dev.meshwork.server.OidcAuthorizer;
import dev.meshwork.server.ServerOptions;
import dev.meshwork.server.TokenAuthorizer;
import java.time.Clock;

/**
 * The REST API served on a platform until it stops, as {@code mesh serve} and {@code mesh demo}
 * run it, with its address in the home's {@code server.url} while it runs (so that commands on the
 * home go to it) and the platform's scheduler (schedules, SLA checks, alerts) running beside it: the server owns the platform from the start, and SIGTERM or Ctrl-C stops it, letting
 * running requests finish.
 */
final class Serving {

  private final MeshServer server;
  private final Thread hook;
  private final Home home;

  private Serving(MeshServer server, Thread hook, Home home) {
    this.server = server;
    this.hook = hook;
    this.home = home;
  }

  /** Starts serving; the server owns {@code platform} from now on, and closes it when it stops. */
  static Serving start(Platform platform, Home home, ServerOptions options) {
    Authorizer authorizer;
    ServerOptions serving;
    try {
      authorizer = authorizer(platform, home);
      Config.Server server = ConfigReader.read(home).server();
      serving = options.withFileFolders(server.files()).withSecretNames(server.secrets());
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
    MeshServer server = MeshServer.start(platform, serving, authorizer);
    try {
      platform.scheduler().start();
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    ServeFile.write(home, ServeFile.url(options.bind(), server.port()));
    Thread hook = new Thread(() -> {
      server.stop();
      ServeFile.delete(home);
    }, "mesh-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    return new Serving(server, hook, home);
  }

  /** Who may call which route: API tokens of the platform's users, and OpenID Connect tokens when the home's configuration names an issuer. */
  static Authorizer authorizer(Platform platform, Home home) {
    Config.Oidc oidc = ConfigReader.read(home).auth().oidc();
    return oidc == null ? TokenAuthorizer.of(platform.identities())
        : OidcAuthorizer.of(platform.identities(), oidc, Clock.systemUTC());
  }

  MeshServer server() {
    return server;
  }

  /** The URL the server answers on. */
  String url(ServerOptions options) {
    return "http://" + options.bind() + ":" + server.port();
  }

  /** Blocks until the server has stopped, by a signal or by {@link MeshServer#stop()}. */
  void awaitStop() throws InterruptedException {
    server.awaitStop();
    ServeFile.delete(home);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the process is shutting down: the hook is what stopped the server
    }
  }
}
