package dev.meshwork.spec.validate;

import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Everything a validation run found: the resources read and the problems, in file order. */
public record Report(List<LoadedResource> resources, List<Problem> problems, int files) {

  private static final Comparator<Problem> FILE_ORDER = Comparator.comparing(Problem::file)
      .thenComparingInt(Problem::line).thenComparingInt(Problem::column);

  public Report {
    resources = List.copyOf(resources);
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(FILE_ORDER);
    problems = List.copyOf(sorted);
  }

  /** Loading problems and, over the resources that loaded, the validator's. */
  public static Report of(Loader.Result loaded, Validator validator) {
    List<Problem> problems = new ArrayList<>(loaded.problems());
    problems.addAll(validator.validate(loaded.resources()));
    return new Report(loaded.resources(), problems, loaded.files());
  }

  public long errors() {
    return problems.stream().filter(Problem::isError).count();
  }

  public long warnings() {
    return problems.size() - errors();
  }

  public boolean valid() {
    return errors() == 0;
  }
}
