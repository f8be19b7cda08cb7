package dev.meshwork.spec.error;

/** Something with the same identity exists already. */
public final class AlreadyExistsException extends MeshException {

  public AlreadyExistsException(String message) {
    super(message);
  }

  public AlreadyExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}
