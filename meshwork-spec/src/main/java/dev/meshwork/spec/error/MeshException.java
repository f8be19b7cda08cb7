package dev.meshwork.spec.error;

/**
 * The root of Meshwork's small, closed set of unchecked exceptions. The CLI maps each subclass
 * to an exit code and the server to an HTTP status, each in one place.
 */
public abstract sealed class MeshException extends RuntimeException
    permits NotFoundException, AlreadyExistsException, InvalidException, DeniedException, ConflictException {

  protected MeshException(String message) {
    super(message);
  }

  protected MeshException(String message, Throwable cause) {
    super(message, cause);
  }
}
