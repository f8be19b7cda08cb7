package dev.meshwork.server;

import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to one status and the one error shape, in one place. */
final class Errors {

  /** Set on a request whose error response is written, so Javalin's status handlers leave it alone. */
  static final String WRITTEN = "meshwork.error.written";

  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  static void send(Context context, Exception e) {
    if (e instanceof ApiException api) {
      write(context, api.status(), new ApiError(api.code(), api.getMessage(), api.details()));
    } else if (e instanceof InvalidException invalid) {
      write(context, 400, new ApiError("invalid", invalid.getMessage(), invalid.problems()));
    } else if (e instanceof NotFoundException) {
      write(context, 404, new ApiError("not_found", e.getMessage(), null));
    } else if (e instanceof AlreadyExistsException) {
      write(context, 409, new ApiError("already_exists", e.getMessage(), null));
    } else if (e instanceof ConflictException) {
      write(context, 409, new ApiError("conflict", e.getMessage(), null));
    } else if (e instanceof DeniedException) {
      write(context, 403, new ApiError("denied", e.getMessage(), null));
    } else if (e instanceof HttpResponseException http) {
      write(context, http.getStatus(), new ApiError(code(http.getStatus()), http.getMessage(), null));
    } else {
      LOG.error("{} {} failed", context.method(), context.path(), e);
      write(context, 500, new ApiError("internal", "cannot answer " + context.method() + " " + context.path()
          + ": an internal error occurred (see the server log)", null));
    }
  }

  /** A status Javalin set without an exception: no route (404) or no route for this method (405). */
  static void status(Context context, int status) {
    if (context.attribute(WRITTEN) != null) {
      return;
    }
    String message = status == 405
        ? "cannot answer " + context.method() + " " + context.path() + ": the method is not allowed here"
        : "cannot answer " + context.method() + " " + context.path() + ": no such route";
    write(context, status, new ApiError(code(status), message, null));
  }

  static void write(Context context, int status, ApiError error) {
    context.attribute(WRITTEN, Boolean.TRUE);
    context.status(status).contentType("application/json").result(Json.write(error));
  }

  private static String code(int status) {
    switch (status) {
      case 404: return "not_found";
      case 405: return "method_not_allowed";
      case 413: return "too_large";
      case 415: return "unsupported_media_type";
      case 400: return "invalid";
      default: return status >= 500 ? "internal" : "error";
    }
  }
}
