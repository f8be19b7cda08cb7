package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;

/** A data product's address, {@code domain.name}; also its SQL name. */
public record ProductRef(String domain, String name) {

  public ProductRef {
    Names.check(domain, "domain name");
    Names.check(name, "product name");
  }

  /** Parses {@code orders.daily}. */
  public static ProductRef parse(String ref) {
    if (ref == null) {
      throw new InvalidException("product reference is empty");
    }
    int dot = ref.indexOf('.');
    if (dot < 0 || dot != ref.lastIndexOf('.')) {
      throw new InvalidException("'" + ref + "' is not a product reference: expected domain.name, like orders.daily");
    }
    return new ProductRef(ref.substring(0, dot), ref.substring(dot + 1));
  }

  @Override
  public String toString() {
    return domain + "." + name;
  }
}
