package dev.meshwork.core.ops;

import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ranks products by the words of a query found in their fields: name and title weigh most,
 * then tags, domain and owner, then descriptions and column names. A word matches a field word
 * it starts.
 */
final class Search {

  private Search() {}

  static List<SearchHit> rank(List<DataProduct> products, String text, int limit) {
    List<String> words = words(text);
    List<SearchHit> hits = new ArrayList<>();
    if (words.isEmpty()) {
      return hits;
    }
    for (DataProduct product : products) {
      double score = 0;
      Set<String> matched = new LinkedHashSet<>();
      for (String word : words) {
        double best = 0;
        best = Math.max(best, field(word, product.ref().toString(), 5, "name", matched));
        best = Math.max(best, field(word, product.metadata().title(), 4, "title", matched));
        best = Math.max(best, field(word, String.join(" ", product.metadata().tags()), 3, "tags", matched));
        best = Math.max(best, field(word, product.metadata().domain(), 3, "domain", matched));
        best = Math.max(best, field(word, product.metadata().owner(), 2, "owner", matched));
        best = Math.max(best, field(word, product.metadata().description(), 1, "description", matched));
        for (Column column : product.spec().schema()) {
          best = Math.max(best, field(word, column.name() + " " + nullToEmpty(column.description()), 1, "column " + column.name(), matched));
        }
        if (best == 0) {
          score = 0;
          break;
        }
        score += best;
      }
      if (score > 0) {
        hits.add(new SearchHit(product.ref().toString(), product.metadata().title(), product.metadata().description(),
            score, List.copyOf(matched)));
      }
    }
    hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::product));
    return hits.size() > limit ? hits.subList(0, limit) : hits;
  }

  private static double field(String word, String value, double weight, String name, Set<String> matched) {
    if (value == null) {
      return 0;
    }
    for (String candidate : words(value)) {
      if (candidate.equals(word)) {
        matched.add(name);
        return weight;
      }
      if (candidate.startsWith(word)) {
        matched.add(name);
        return weight * 0.6;
      }
    }
    return 0;
  }

  private static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
