package dev.meshwork.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import java.util.regex.Pattern;

/** Policy results, waivers and retention. */
final class GovernanceRoutes {

  private static final Pattern PRODUCT = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

  private final Function<Principal, Operations> operations;

  GovernanceRoutes(Function<Principal, Operations> operations) {
    this.operations = operations;
  }

  private Operations ops(Request request) {
    return operations.apply(request.principal());
  }

  List<Route> routes() {
    return List.of(
        Route.get("/api/v1/policies/results", Permission.READ,
            r -> ops(r).policyResults(r.query("resource"), r.limit("limit", 100, ProductRoutes.MAX_LIMIT))),
        Route.get("/api/v1/waivers", Permission.READ, r -> ops(r).waivers("true".equals(r.query("all")))),
        Route.post("/api/v1/waivers", Permission.GOVERN, Route.Body.JSON, this::grant),
        Route.delete("/api/v1/waivers/{id}", Permission.GOVERN, r -> ops(r).revokeWaiver(r.path("id"))),
        Route.post("/api/v1/retention/runs", Permission.RETAIN, Route.Body.JSON, this::retain),
        Route.get("/api/v1/retention/runs", Permission.READ,
            r -> ops(r).retentionHistory(product(r.query("product"), "query parameter product"),
                r.limit("limit", 100, ProductRoutes.MAX_LIMIT))));
  }

  private Object grant(Request request) {
    JsonNode body = request.json();
    String policy = Json.requiredText(body, "policy");
    ProductRef product = product(Json.requiredText(body, "product"), "field product").orElseThrow();
    String justification = Json.requiredText(body, "justification");
    Waiver waiver = ops(request).grantWaiver(policy, product, justification, Json.instant(body, "expiresAt"),
        request.principal().user());
    request.status(201);
    return waiver;
  }

  private Object retain(Request request) {
    JsonNode body = request.json();
    Optional<ProductRef> product = product(Json.text(body, "product"), "field product");
    if (product.isPresent()) {
      request.requireDomain(product.get().domain(), "enforce retention on " + product.get());
    } else {
      request.requireAdmin("enforce retention on every product");
    }
    List<RetentionRun> runs = ops(request).retention(product, RetentionRun.MANUAL);
    return runs;
  }

  static Optional<ProductRef> product(String value, String where) {
    if (value == null) {
      return Optional.empty();
    }
    if (!PRODUCT.matcher(value).matches()) {
      throw new InvalidException("cannot read " + where + ": '" + value
          + "' is not domain.name (lower-case letters, digits and _, each starting with a letter)");
    }
    return Optional.of(ProductRef.parse(value));
  }
}
