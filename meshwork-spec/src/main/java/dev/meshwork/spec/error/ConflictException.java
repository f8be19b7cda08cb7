package dev.meshwork.spec.error;

/** The operation clashes with the current state (a build in progress, a home in use). */
public final class ConflictException extends MeshException {

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
