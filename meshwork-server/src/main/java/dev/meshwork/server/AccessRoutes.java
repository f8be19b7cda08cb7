package dev.meshwork.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.access.AccessFilter;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Access requests, their decisions, the grants they become, and the data reads grants allow. */
final class AccessRoutes {

  static final int MAX_SAMPLE = 1000;

  private final Function<Principal, Operations> operations;

  AccessRoutes(Function<Principal, Operations> operations) {
    this.operations = operations;
  }

  private Operations ops(Request request) {
    return operations.apply(request.principal());
  }

  List<Route> routes() {
    return List.of(
        Route.post("/api/v1/access/requests", Permission.READ, Route.Body.JSON, this::request),
        Route.get("/api/v1/access/requests", Permission.READ, this::list),
        Route.get("/api/v1/access/requests/{id}", Permission.READ, r -> ops(r).accessRequest(r.path("id"))),
        Route.post("/api/v1/access/requests/{id}/approve", Permission.READ, Route.Body.JSON,
            r -> ops(r).approveAccess(r.path("id"), Json.text(r.json(), "note"))),
        Route.post("/api/v1/access/requests/{id}/reject", Permission.READ, Route.Body.JSON,
            r -> ops(r).rejectAccess(r.path("id"), Json.text(r.json(), "reason"))),
        Route.post("/api/v1/access/requests/{id}/revoke", Permission.READ, Route.Body.JSON,
            r -> ops(r).revokeAccess(r.path("id"), Json.text(r.json(), "reason"))),
        Route.get("/api/v1/access/grants", Permission.READ, this::grants),
        Route.get("/api/v1/products/{ref}/rows", Permission.QUERY,
            r -> ops(r).sample(r.product("ref"), r.limit("limit", 20, MAX_SAMPLE))));
  }

  private Object request(Request request) {
    JsonNode body = request.json();
    ProductRef product = GovernanceRoutes.product(Json.requiredText(body, "product"), "field product").orElseThrow();
    ProductRef forProduct = GovernanceRoutes.product(Json.text(body, "forProduct"), "field forProduct").orElse(null);
    AccessRequest made = ops(request).requestAccess(new AccessAsk(product, Json.requiredText(body, "purpose"),
        Json.flag(body, "pii"), Json.date(body, "until"), Json.text(body, "forTeam"), forProduct));
    request.status(201);
    return made;
  }

  private Object list(Request request) {
    ProductRef product = GovernanceRoutes.product(request.query("product"), "query parameter product").orElse(null);
    return ops(request).accessRequests(new AccessFilter(product, status(request.query("status")),
        view(request.query("view")), request.limit("limit", 100, ProductRoutes.MAX_LIMIT)));
  }

  private Object grants(Request request) {
    ProductRef product = GovernanceRoutes.product(request.query("product"), "query parameter product").orElse(null);
    return ops(request).accessRequests(AccessFilter.grants(product, view(request.query("view")),
        request.limit("limit", 100, ProductRoutes.MAX_LIMIT)));
  }

  private static AccessRequest.Status status(String value) {
    if (value == null) {
      return null;
    }
    for (AccessRequest.Status status : AccessRequest.Status.values()) {
      if (status.toString().equalsIgnoreCase(value)) {
        return status;
      }
    }
    throw new InvalidException("cannot read query parameter status: '" + value
        + "' is not one of pending, approved, rejected, revoked");
  }

  private static AccessFilter.View view(String value) {
    if (value == null) {
      return AccessFilter.View.VISIBLE;
    }
    switch (value) {
      case "visible":
        return AccessFilter.View.VISIBLE;
      case "mine":
        return AccessFilter.View.MINE;
      case "to-decide":
        return AccessFilter.View.TO_DECIDE;
      default:
        throw new InvalidException("cannot read query parameter view: '" + value.toLowerCase(Locale.ROOT)
            + "' is not one of visible, mine, to-decide");
    }
  }
}
