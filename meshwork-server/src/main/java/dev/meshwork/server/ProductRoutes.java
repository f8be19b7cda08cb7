package dev.meshwork.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

/** Products, their builds, search, queries and applying resources. */
final class ProductRoutes {

  static final int MAX_LIMIT = 1000;
  static final int MAX_ROWS = 10_000;

  private final Function<Principal, Operations> operations;
  private final ServerOptions options;

  /** Applied YAML resolves relative paths against the options' spec base, and is confined as they say. */
  ProductRoutes(Function<Principal, Operations> operations, ServerOptions options) {
    this.operations = operations;
    this.options = options;
  }

  private Operations ops(Request request) {
    return operations.apply(request.principal());
  }

  List<Route> routes() {
    return List.of(
        Route.get("/api/v1/products", Permission.READ, r -> ops(r).status(null)),
        Route.get("/api/v1/products/{ref}", Permission.READ, r -> ops(r).describe(r.product("ref"))),
        Route.get("/api/v1/products/{ref}/status", Permission.READ, r -> ops(r).status(r.product("ref")).get(0)),
        Route.get("/api/v1/products/{ref}/builds", Permission.READ,
            r -> ops(r).history(r.product("ref"), r.limit("limit", 20, MAX_LIMIT))),
        Route.post("/api/v1/products/{ref}/builds", Permission.BUILD, Route.Body.JSON, this::build),
        Route.post("/api/v1/builds", Permission.BUILD, Route.Body.JSON, this::buildAll),
        Route.get("/api/v1/search", Permission.READ, this::search),
        Route.post("/api/v1/query", Permission.QUERY, Route.Body.JSON, this::query),
        Route.post("/api/v1/resources", Permission.APPLY, Route.Body.YAML, this::apply));
  }

  private Object build(Request request) {
    ProductRef product = request.product("ref");
    request.requireDomain(product.domain(), "build " + product);
    JsonNode body = request.json();
    BuildRequest build = new BuildRequest(product, Json.text(body, "partition"), Json.text(body, "from"),
        Json.text(body, "to"), Json.flag(body, "full"));
    List<BuildRecord> records = ops(request).build(build, BuildListener.NONE);
    BuildRecord last = records.get(records.size() - 1);
    if (last.status() != BuildRecord.Status.PUBLISHED) {
      throw new ApiException(422, "build_failed", "cannot build " + product + ": "
          + (last.error() == null ? "it ended " + last.status() : last.error()), last);
    }
    return last;
  }

  /** Every product, upstream products first; 422 with every record when any build failed. */
  private Object buildAll(Request request) {
    request.requireAdmin("build every product");
    JsonNode body = request.json();
    List<BuildRecord> records = ops(request).build(new BuildRequest(null, null, null, null, Json.flag(body, "full")),
        BuildListener.NONE);
    List<String> failed = records.stream().filter(r -> r.status() != BuildRecord.Status.PUBLISHED)
        .map(r -> r.product().toString()).toList();
    if (!failed.isEmpty()) {
      throw new ApiException(422, "build_failed", "cannot build every product: " + failed.size() + " of " + records.size()
          + " builds failed (" + String.join(", ", failed) + ")", records);
    }
    return records;
  }

  private Object search(Request request) {
    String text = request.query("q");
    if (text == null) {
      throw new InvalidException("cannot search: query parameter q is missing");
    }
    return ops(request).search(text, request.limit("limit", 20, MAX_LIMIT));
  }

  private Object query(Request request) {
    JsonNode body = request.json();
    String sql = Json.requiredText(body, "sql");
    return ops(request).query(sql, Json.number(body, "maxRows", 1000, MAX_ROWS));
  }

  private Object apply(Request request) {
    String text = request.text();
    Loader.Result loaded = new Loader(options.specBase()).confinedTo(options.readableFolders(), options.secretNames())
        .loadText(options.specBase().resolve("request.yaml"), text);
    List<Problem> errors = loaded.problems().stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new InvalidException("nothing was applied: " + errors.size() + (errors.size() == 1 ? " problem" : " problems")
          + " found", errors);
    }
    for (LoadedResource document : loaded.resources()) {
      request.requireMayApply(document.resource());
    }
    var result = ops(request).apply(loaded.resources());
    List<Problem> warnings = new java.util.ArrayList<>(loaded.problems());
    warnings.addAll(result.warnings());
    return Map.of("changes", result.changes(), "warnings", warnings);
  }
}
