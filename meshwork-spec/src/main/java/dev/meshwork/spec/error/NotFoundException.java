package dev.meshwork.spec.error;

/** A named thing does not exist. */
public final class NotFoundException extends MeshException {

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
