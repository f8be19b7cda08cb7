package dev.meshwork.server;

/**
 * A response other than success that is not one of Meshwork's own exceptions: the request's form
 * was wrong (413, 415, malformed JSON) or a build failed (422). Sent as the error shape.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final transient Object details;

  public ApiException(int status, String code, String message, Object details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Object details() {
    return details;
  }
}
