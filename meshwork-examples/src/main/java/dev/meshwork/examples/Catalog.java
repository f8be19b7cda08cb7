package dev.meshwork.examples;

import java.util.ArrayList;
import java.util.List;

/** The shops' products: catalog ids as in {@code /products/<id>} URLs, and their prices. */
record Catalog(List<String> ids, List<Long> pricesCents) {

  Catalog {
    ids = List.copyOf(ids);
    pricesCents = List.copyOf(pricesCents);
  }

  static Catalog generate(Dice dice, int size) {
    List<String> ids = new ArrayList<>();
    List<Long> prices = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ids.add("sku-" + (10_000 + (i * 37L) % 90_000));
      double dollars = Math.exp(Math.log(4) + dice.unit() * (Math.log(250) - Math.log(4)));
      prices.add(Math.max(399, Math.round(dollars) * 100 - 1));
    }
    return new Catalog(ids, prices);
  }

  int size() {
    return ids.size();
  }
}
