package dev.meshwork.spec.validate;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Source;
import java.util.Optional;

/** What the platform already holds, for resolving references that lie outside the files validated. */
public interface Catalog {

  boolean hasDomain(String domain);

  Optional<Source> source(String domain, String name);

  Optional<DataProduct> product(ProductRef ref);

  /** Knows nothing: every outside reference is unresolved. */
  Catalog EMPTY = new Catalog() {
    @Override
    public boolean hasDomain(String domain) {
      return false;
    }

    @Override
    public Optional<Source> source(String domain, String name) {
      return Optional.empty();
    }

    @Override
    public Optional<DataProduct> product(ProductRef ref) {
      return Optional.empty();
    }
  };
}
