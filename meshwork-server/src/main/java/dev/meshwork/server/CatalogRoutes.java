package dev.meshwork.server;

import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.spec.error.InvalidException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/** The catalog's listings: every product with what the store records of its builds, and the builds per day. */
final class CatalogRoutes {

  private final Function<Principal, Operations> operations;

  CatalogRoutes(Function<Principal, Operations> operations) {
    this.operations = operations;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/api/v1/catalog", Permission.READ, r -> operations.apply(r.principal()).products()),
        Route.get("/api/v1/catalog/builds-per-day", Permission.READ, this::buildsPerDay));
  }

  private Object buildsPerDay(Request request) {
    String since = request.query("since");
    if (since == null) {
      throw new InvalidException("cannot count the builds per day: query parameter since is missing");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(since.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidException("cannot count the builds per day: since '" + since + "' is not a day such as 2026-11-08");
    }
    return operations.apply(request.principal()).buildsPerDay(day);
  }
}
