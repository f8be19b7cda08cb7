package dev.meshwork.server;

import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.AuditFilter;
import java.util.List;
import java.util.function.Function;

/** The audit log, a platform admin's to read. */
final class AuditRoutes {

  private final Function<Principal, Operations> operations;

  AuditRoutes(Function<Principal, Operations> operations) {
    this.operations = operations;
  }

  List<Route> routes() {
    return List.of(Route.get("/api/v1/audit", Permission.AUDIT, this::entries));
  }

  private Object entries(Request request) {
    AuditFilter filter = new AuditFilter(request.query("actor"), request.query("action"), request.query("resource"),
        AuditFilter.time(request.query("since"), "query parameter since"),
        AuditFilter.time(request.query("until"), "query parameter until"),
        request.limit("limit", 100, ProductRoutes.MAX_LIMIT));
    return operations.apply(request.principal()).audit(filter);
  }
}
