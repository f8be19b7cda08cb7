package dev.meshwork.server;

import io.javalin.http.Context;

/**
 * Decides whether the caller of a request may use a route; throws
 * {@link dev.meshwork.spec.error.DeniedException} when not. Called before every route's handler.
 */
@FunctionalInterface
public interface Authorizer {

  /** Allows everything: the server has no identities yet. */
  Authorizer ALLOW_ALL = (context, permission) -> { };

  void check(Context context, Permission permission);
}
