package dev.meshwork.spec.load;

import dev.meshwork.spec.error.InvalidException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every problem of a run, so that one run reports them all. */
public final class Problems {

  private final List<Problem> list = new ArrayList<>();

  public void add(Problem problem) {
    list.add(problem);
  }

  public void addAll(List<Problem> problems) {
    list.addAll(problems);
  }

  public void error(Node at, String path, String message) {
    list.add(Problem.error(at.position(), path, message));
  }

  public void warning(Node at, String path, String message) {
    list.add(Problem.warning(at.position(), path, message));
  }

  /** Builds a value, turning an {@link InvalidException} into a problem at {@code at}; null then. */
  public <T> T attempt(Node at, String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidException e) {
      error(at, path, e.getMessage());
      return null;
    }
  }

  public int errorCount() {
    return (int) list.stream().filter(Problem::isError).count();
  }

  public List<Problem> list() {
    return List.copyOf(list);
  }
}
