package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.ParsedEndpoint;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route table against the OpenAPI document, and what a server without a platform still answers. */
class RoutesIT {

  static MeshServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = MeshServer.start((dev.meshwork.core.ops.Operations) null, null, ServerOptions.of("127.0.0.1", 0), Authorizer.ALLOW_ALL);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
    Set<String> registered = new TreeSet<>();
    for (ParsedEndpoint parsed : server.app().unsafe.internalRouter.allHttpHandlers()) {
      registered.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
    }
    JsonNode paths = new ObjectMapper().readTree(http.get("/api/v1/openapi.json").text()).get("paths");
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (!method.equals("parameters")) {
          documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    assertThat(documented).isEqualTo(registered);
    assertThat(registered).hasSize(server.routes().size()).contains("POST /api/v1/products/{ref}/builds");
  }

  @Test
  void servesTheOpenApiDocument() {
    Http.Response response = http.get("/api/v1/openapi.json");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("openapi").asText()).isEqualTo("3.0.3");
    JsonNode document = response.json();
    assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(document.at("/security/0").has("bearer")).isTrue();
    for (Route route : server.routes()) {
      JsonNode security = document.get("paths").get(route.path()).get(route.method().name().toLowerCase(java.util.Locale.ROOT))
          .get("security");
      boolean open = security != null && security.isEmpty();
      assertThat(open).as(route.method() + " " + route.path()).isEqualTo(route.permission() == Permission.PUBLIC);
    }
  }

  @Test
  void internalErrorsHideTheirCause() {
    Http.Response response = http.get("/api/v1/products");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("{\"error\":\"internal\",\"message\":\"cannot answer GET /api/v1/products: "
        + "an internal error occurred (see the server log)\",\"details\":null}");
  }

  @Test
  void healthNeedsNoPlatform() {
    assertThat(http.get("/health").text()).isEqualTo("{\"status\":\"ok\"}");
  }
}
