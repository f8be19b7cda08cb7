package dev.meshwork.spec.validate;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds cycles among products' inputs; each is reported once, as the path that closes it. */
final class Cycles {

  private enum State { VISITING, DONE }

  private final Map<ProductRef, LoadedResource> products;
  private final Map<ProductRef, State> state = new HashMap<>();
  private final List<ProductRef> stack = new ArrayList<>();
  private final Set<Set<ProductRef>> reported = new HashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  Cycles(Map<ProductRef, LoadedResource> products) {
    this.products = products;
  }

  List<Problem> find() {
    products.keySet().forEach(this::visit);
    return problems;
  }

  private void visit(ProductRef ref) {
    if (state.get(ref) == State.DONE || !products.containsKey(ref)) {
      return;
    }
    state.put(ref, State.VISITING);
    stack.add(ref);
    DataProduct product = (DataProduct) products.get(ref).resource();
    List<Input> inputs = product.spec().inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i) instanceof Input.FromProduct in) {
        if (state.get(in.product()) == State.VISITING) {
          report(in.product(), ref, i);
        } else {
          visit(in.product());
        }
      }
    }
    stack.remove(stack.size() - 1);
    state.put(ref, State.DONE);
  }

  private void report(ProductRef start, ProductRef closing, int inputIndex) {
    List<ProductRef> cycle = new ArrayList<>(stack.subList(stack.indexOf(start), stack.size()));
    if (!reported.add(Set.copyOf(cycle))) {
      return;
    }
    cycle.add(start);
    String path = "spec.inputs[" + inputIndex + "].product";
    String shown = cycle.stream().map(ProductRef::toString).collect(Collectors.joining(" -> "));
    problems.add(Problem.error(products.get(closing).positionOf(path), path,
        "inputs form a cycle: " + shown + " (a product cannot depend on itself, directly or through others)"));
  }
}
