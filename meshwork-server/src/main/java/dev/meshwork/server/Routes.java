package dev.meshwork.server;

import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Every route the server has, in one list: the server registers exactly these. */
public final class Routes {

  /** The OpenAPI document, served as written. */
  public static final String OPENAPI = "openapi.json";

  /** A response body already in JSON, sent as it is. */
  public record RawJson(String text) {}

  /** A response body that is not JSON, sent as it is with its content type. */
  public record RawText(String contentType, String text) {}

  private Routes() {}

  /** The routes, each calling the operations acting as the request's caller. */
  public static List<Route> all(Function<Principal, Operations> operations, ServerOptions options,
                                PrometheusMetrics metrics) {
    RawJson openApi = new RawJson(openApi());
    List<Route> routes = new ArrayList<>();
    routes.add(Route.get("/health", Permission.PUBLIC, r -> Map.of("status", "ok")));
    routes.add(Route.get("/api/v1/openapi.json", Permission.PUBLIC, r -> openApi));
    routes.add(Route.get("/api/v1/me", Permission.READ, Request::principal));
    routes.add(Route.get("/metrics", Permission.READ, r -> new RawText(PrometheusMetrics.CONTENT_TYPE, metrics.scrape())));
    routes.addAll(new ProductRoutes(operations, options).routes());
    routes.addAll(new GovernanceRoutes(operations).routes());
    routes.addAll(new AccessRoutes(operations).routes());
    routes.addAll(new AuditRoutes(operations).routes());
    routes.addAll(new CatalogRoutes(operations).routes());
    return List.copyOf(routes);
  }

  /** The text of the OpenAPI document. */
  public static String openApi() {
    try (InputStream in = Routes.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new EngineException("cannot read the OpenAPI document: " + OPENAPI + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineException("cannot read the OpenAPI document: " + e.getMessage(), e);
    }
  }
}
