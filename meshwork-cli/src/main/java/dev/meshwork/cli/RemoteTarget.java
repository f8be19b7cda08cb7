package dev.meshwork.cli;

import dev.meshwork.core.Home;
import java.util.Map;
import java.util.Optional;

/**
 * The platform server commands talk to, and the token they send: {@code MESH_URL}, else the
 * server serving the home ({@link ServeFile}), else the server of the stored login
 * ({@link Logins}); none means in-process. The token is {@code MESH_TOKEN}, else the stored
 * login's, which is only ever sent to the server it was stored for. {@code why} says, for people,
 * which of these chose the server.
 */
record RemoteTarget(String url, String token, String why) {

  static final String URL_ENV = "MESH_URL";
  static final String TOKEN_ENV = "MESH_TOKEN";

  static Optional<RemoteTarget> find(Map<String, String> environment, Home home) {
    String url = value(environment.get(URL_ENV));
    String token = value(environment.get(TOKEN_ENV));
    String why = url == null ? null : URL_ENV + " names it";
    if (url == null) {
      url = ServeFile.live(home).orElse(null);
      why = url == null ? null : "it serves the home " + home.dir();
    }
    Optional<Logins.Login> login = url == null || token == null ? Logins.of(environment).read() : Optional.empty();
    if (url == null) {
      url = login.map(Logins.Login::url).orElse(null);
      why = url == null ? null : "mesh login chose it; mesh logout works on the home again";
    }
    if (url == null) {
      return Optional.empty();
    }
    String address = url;
    if (token == null) {
      token = login.filter(stored -> same(stored.url(), address)).map(Logins.Login::token).orElse(null);
    }
    return Optional.of(new RemoteTarget(url, token, why));
  }

  /** Whether two addresses are the same server, a trailing slash aside. */
  static boolean same(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    String value = url.strip();
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    return value;
  }

  private static String value(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
