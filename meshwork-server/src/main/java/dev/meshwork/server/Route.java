package dev.meshwork.server;

import io.javalin.http.HandlerType;

/**
 * One endpoint of the API: its method and path (Javalin syntax, {@code {param}}), the permission it
 * needs, the media type its body must have (null when it takes none) and what it does.
 */
public record Route(HandlerType method, String path, Permission permission, Body body, Action action) {

  /** What a request body must be. */
  public enum Body {
    JSON("application/json"), YAML("application/yaml", "text/yaml", "application/x-yaml");

    private final java.util.List<String> mediaTypes;

    Body(String... mediaTypes) {
      this.mediaTypes = java.util.List.of(mediaTypes);
    }

    public java.util.List<String> mediaTypes() {
      return mediaTypes;
    }
  }

  /** Handles a request and returns what to send back as JSON (with status 200 unless it set another). */
  @FunctionalInterface
  public interface Action {
    Object handle(Request request) throws Exception;
  }

  public static Route get(String path, Permission permission, Action action) {
    return new Route(HandlerType.GET, path, permission, null, action);
  }

  public static Route post(String path, Permission permission, Body body, Action action) {
    return new Route(HandlerType.POST, path, permission, body, action);
  }

  public static Route delete(String path, Permission permission, Action action) {
    return new Route(HandlerType.DELETE, path, permission, null, action);
  }
}
