package dev.meshwork.spec.error;

/** The caller may not do this. */
public final class DeniedException extends MeshException {

  public DeniedException(String message) {
    super(message);
  }

  public DeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}
