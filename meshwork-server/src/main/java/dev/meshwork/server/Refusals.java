package dev.meshwork.server;

import dev.meshwork.core.audit.AuditLog;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.spec.error.DeniedException;
import io.javalin.http.Context;

/**
 * Where the server records the requests it refuses itself, before the platform's operations are
 * reached (a route's permission, a product of another domain): the operations record their own.
 */
@FunctionalInterface
interface Refusals {

  /** Records nothing: for servers over operations without an audit log. */
  Refusals NONE = (caller, context, denial) -> { };

  /** {@code caller} is null when the refusal came before anyone was authenticated. */
  void refused(Principal caller, Context context, DeniedException denial);

  /** Records each refusal in {@code audit} as {@code request.refused}: the method, the path and why. */
  static Refusals auditedIn(AuditLog audit) {
    return (caller, context, denial) -> audit.record(caller == null ? AuditLog.ANONYMOUS : caller.user(),
        AuditEntry.REQUEST_REFUSED, null, null, AuditEntry.DENIED,
        context.method() + " " + context.path() + ": " + denial.getMessage(), null);
  }
}
