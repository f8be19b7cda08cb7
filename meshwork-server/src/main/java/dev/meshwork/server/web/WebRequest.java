package dev.meshwork.server.web;

import dev.meshwork.core.ops.Operations;
import dev.meshwork.spec.error.InvalidException;
import io.javalin.http.Context;

/** A request to a page of a logged-in user: the HTTP context, their session and the operations acting as them. */
record WebRequest(Context context, Sessions.Session session, Operations operations) {

  Page page(String title, String section) {
    return new Page(title, session.principal(), session.csrf(), section);
  }

  /** A form field, stripped; null when absent or blank. */
  String form(String name) {
    String value = context.formParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A form field that must be given. */
  String requireForm(String name, String what) {
    String value = form(name);
    if (value == null) {
      throw new InvalidException("cannot " + what + ": the field " + name + " is empty");
    }
    return value;
  }

  /** A query parameter, stripped; null when absent or blank. */
  String query(String name) {
    String value = context.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
