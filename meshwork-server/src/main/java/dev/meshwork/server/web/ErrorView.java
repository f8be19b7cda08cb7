package dev.meshwork.server.web;

/** What the error page shows: the status, its name and what went wrong. */
public record ErrorView(int status, String reason, String message) {

  static ErrorView of(int status, String message) {
    return new ErrorView(status, reason(status), message);
  }

  private static String reason(int status) {
    switch (status) {
      case 400: return "Bad request";
      case 403: return "Forbidden";
      case 404: return "Not found";
      case 409: return "Conflict";
      default: return "Something went wrong";
    }
  }
}
