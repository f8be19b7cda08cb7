package dev.meshwork.core.ops;

import dev.meshwork.core.registry.Registry;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.ProductRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The product graph as the contracts declare it: who reads whom. */
public final class Lineage {

  private Lineage() {}

  /** Products ordered so that each comes after the products it reads (the validator forbids cycles). */
  public static List<DataProduct> buildOrder(List<DataProduct> products) {
    Map<ProductRef, DataProduct> byRef = new LinkedHashMap<>();
    products.forEach(p -> byRef.put(p.ref(), p));
    Set<ProductRef> done = new LinkedHashSet<>();
    List<DataProduct> order = new ArrayList<>();
    for (DataProduct product : products) {
      visit(product, byRef, done, new LinkedHashSet<>(), order);
    }
    return order;
  }

  private static void visit(DataProduct product, Map<ProductRef, DataProduct> byRef, Set<ProductRef> done,
                            Set<ProductRef> path, List<DataProduct> order) {
    if (done.contains(product.ref()) || !path.add(product.ref())) {
      return;
    }
    for (ProductRef upstream : upstreamOf(product)) {
      DataProduct next = byRef.get(upstream);
      if (next != null) {
        visit(next, byRef, done, path, order);
      }
    }
    done.add(product.ref());
    order.add(product);
  }

  public static List<ProductRef> upstreamOf(DataProduct product) {
    List<ProductRef> refs = new ArrayList<>();
    for (Input input : product.spec().inputs()) {
      if (input instanceof Input.FromProduct fromProduct) {
        refs.add(fromProduct.product());
      }
    }
    return refs;
  }

  /**
   * Who reads each product, worked out once per list of applied products (the registry keeps one
   * list until something is applied) rather than by reading every product's inputs per question.
   */
  static final class Readers {

    private record Memo(List<Registry.Applied> source, Map<ProductRef, List<DataProduct>> readers) {}

    private volatile Memo memo;

    /** The products among {@code products} that read {@code ref}, in their order. */
    List<DataProduct> of(ProductRef ref, List<Registry.Applied> products) {
      return List.copyOf(memoOf(products).readers().getOrDefault(ref, List.of()));
    }

    /** Works out who reads whom among {@code products} now, unless they are the list seen last. */
    void index(List<Registry.Applied> products) {
      memoOf(products);
    }

    private Memo memoOf(List<Registry.Applied> products) {
      Memo current = memo;
      if (current == null || current.source() != products) {
        Map<ProductRef, List<DataProduct>> readers = new HashMap<>();
        for (Registry.Applied applied : products) {
          DataProduct product = (DataProduct) applied.resource();
          for (ProductRef upstream : new LinkedHashSet<>(upstreamOf(product))) {
            readers.computeIfAbsent(upstream, r -> new ArrayList<>()).add(product);
          }
        }
        current = new Memo(products, readers);
        memo = current;
      }
      return current;
    }
  }
}
