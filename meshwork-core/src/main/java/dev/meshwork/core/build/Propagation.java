package dev.meshwork.core.build;

import dev.meshwork.spec.Classification;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.ProductRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Classification along lineage. A product is at least as classified as its most classified
 * product input unless it declares a declassification; and a column that is PII in an input
 * product keeps being PII downstream: written out under the same name, it must be declared PII
 * with a protection. Columns are followed by name, as the transform SQL selects them.
 *
 * @param effective the product's effective classification
 * @param highest   the most classified input (null when the product reads no product)
 * @param problems  why the build must not run, each naming the input and what to change
 * @param note      what to record: the declassification and its justification, or null
 */
public record Propagation(Classification effective, ProductRef highest, List<String> problems, String note) {

  /** The name its results are recorded under. */
  public static final String POLICY = "mesh-classification-propagation";

  public static Propagation of(DataProduct product, Function<ProductRef, Optional<DataProduct>> products) {
    DataProduct.Spec spec = product.spec();
    Classification own = spec.classification();
    Classification top = null;
    ProductRef highest = null;
    List<String> problems = new ArrayList<>();
    for (Input input : spec.inputs()) {
      if (!(input instanceof Input.FromProduct upstream)) {
        continue;
      }
      Optional<DataProduct> found = products.apply(upstream.product());
      if (found.isEmpty()) {
        continue; // reported by the read stage, which names the missing product
      }
      Classification theirs = found.get().spec().classification();
      if (top == null || theirs.compareTo(top) > 0) {
        top = theirs;
        highest = upstream.product();
      }
      for (Column column : found.get().spec().schema()) {
        if (!column.pii()) {
          continue;
        }
        spec.column(column.name()).filter(Propagation::unprotected).ifPresent(out -> problems.add(
            "column " + out.name() + " is PII in input " + upstream.product() + " and would be written unprotected: "
                + "declare it pii with protection encrypt, hash or mask in spec.schema"));
      }
    }
    boolean above = top != null && top.compareTo(own) > 0;
    if (above && spec.declassification() == null) {
      problems.add(0, "input " + highest + " is " + top + ", above the product's own " + own
          + ": raise spec.classification to " + top + " or declare spec.declassification with a justification");
    }
    String note = above && spec.declassification() != null
        ? "declassified from " + top + " (input " + highest + ") to " + own + ": " + spec.declassification().justification()
        : null;
    Classification effective = above && spec.declassification() == null ? top : own;
    return new Propagation(effective, highest, List.copyOf(problems), note);
  }

  private static boolean unprotected(Column column) {
    return !column.pii() || column.protection() == null || column.protection() == Column.Protection.NONE;
  }
}
