package dev.meshwork.core.spi;

/** The engine or the table store failed for a reason that is not the user's input (I/O, resources). */
public class EngineException extends RuntimeException {

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }

  public EngineException(String message) {
    super(message);
  }
}
