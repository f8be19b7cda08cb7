package dev.meshwork.server;

import dev.meshwork.core.identity.Principal;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Decides who calls a route and whether they may use it, before the route's handler runs: returns
 * the caller, throws an {@link ApiException} with 401 when they are not authenticated and a
 * {@link dev.meshwork.spec.error.DeniedException} (403) when the route's permission is not theirs.
 * Checks that depend on the resource (the product in the path, the documents in the body) are the
 * route's, through {@link Access}.
 */
@FunctionalInterface
public interface Authorizer {

  /**
   * The request attribute an authorizer sets to the caller once they are authenticated, before it
   * checks the permission: who was refused, when they are.
   */
  String CALLER = "meshwork.caller";

  /** A platform admin every request runs as under {@link #ALLOW_ALL}. */
  Principal UNCHECKED = new Principal("unchecked", null, true, Set.of(), Set.of());

  /** Lets every request through as {@link #UNCHECKED}: only for tests that are not about access. */
  Authorizer ALLOW_ALL = (context, permission) -> UNCHECKED;

  /** The caller of a request to a route needing {@code permission}; null for an anonymous caller of a PUBLIC route. */
  Principal check(Context context, Permission permission);
}
