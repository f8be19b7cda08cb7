package dev.meshwork.spec.error;

import dev.meshwork.spec.load.Problem;
import java.util.List;

/** Bad input. Carries the problems found, each pointing at where it is. */
public final class InvalidException extends MeshException {

  private final List<Problem> problems;

  public InvalidException(String message) {
    super(message);
    this.problems = List.of();
  }

  public InvalidException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
