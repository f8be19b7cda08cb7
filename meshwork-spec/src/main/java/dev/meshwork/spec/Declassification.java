package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;

/**
 * A product's declaration that it is less sensitive than its inputs (an aggregate over
 * confidential rows, say): without one, a product is at least as classified as its most
 * classified input. The justification is recorded with every build.
 */
public record Declassification(String justification) {

  public Declassification {
    if (justification == null || justification.isBlank()) {
      throw new InvalidException("a declassification needs a justification");
    }
  }
}
