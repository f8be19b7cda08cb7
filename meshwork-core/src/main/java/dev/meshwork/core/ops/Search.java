package dev.meshwork.core.ops;

import dev.meshwork.core.registry.Registry;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ranks products by the words of a query found in their fields: name and title weigh most,
 * then tags, domain and owner, then descriptions and column names. A word matches a field word
 * it starts.
 *
 * <p>The fields' words are indexed once per list of products (the registry keeps one list until
 * something is applied): a query looks up which products hold words starting with each of its
 * words, and scores only the products holding all of them.
 */
final class Search {

  /** A product's field: its name in {@link SearchHit#matched}, its weight and its words. */
  private record Field(String name, double weight, String[] words) {}

  /** The products indexed, their fields, and for each word the products holding it. */
  private record Index(List<Registry.Applied> source, List<DataProduct> products, List<Field[]> fields,
                       TreeMap<String, BitSet> holders) {}

  private volatile Index index;

  /** Products matching every word of {@code text}, best first, at most {@code limit}. */
  List<SearchHit> rank(List<Registry.Applied> products, String text, int limit) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return new ArrayList<>();
    }
    Index current = indexOf(products);
    BitSet candidates = null;
    for (String word : words) {
      BitSet holding = new BitSet();
      for (BitSet holders : current.holders().subMap(word, true, word + Character.MAX_VALUE, false).values()) {
        holding.or(holders);
      }
      if (candidates == null) {
        candidates = holding;
      } else {
        candidates.and(holding);
      }
    }
    List<SearchHit> hits = new ArrayList<>();
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      SearchHit hit = score(current.products().get(i), current.fields().get(i), words);
      if (hit != null) {
        hits.add(hit);
      }
    }
    hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::product));
    return hits.size() > limit ? hits.subList(0, limit) : hits;
  }

  /** Indexes {@code products} now, unless they are the list indexed last. */
  void index(List<Registry.Applied> products) {
    indexOf(products);
  }

  /** The index of {@code products}, built when they are not the list indexed last. */
  private Index indexOf(List<Registry.Applied> products) {
    Index current = index;
    if (current == null || current.source() != products) {
      current = build(products);
      index = current;
    }
    return current;
  }

  private static Index build(List<Registry.Applied> applied) {
    List<DataProduct> products = applied.stream().map(a -> (DataProduct) a.resource()).toList();
    List<Field[]> fields = new ArrayList<>(products.size());
    TreeMap<String, BitSet> holders = new TreeMap<>();
    Map<String, String> canonical = new HashMap<>();
    for (int i = 0; i < products.size(); i++) {
      Field[] of = fields(products.get(i), canonical);
      fields.add(of);
      for (Field field : of) {
        for (String word : field.words()) {
          holders.computeIfAbsent(word, w -> new BitSet()).set(i);
        }
      }
    }
    return new Index(applied, products, fields, holders);
  }

  /** A product's fields; their words are the instances in {@code canonical}, one per distinct word of all products. */
  private static Field[] fields(DataProduct product, Map<String, String> canonical) {
    List<Field> fields = new ArrayList<>();
    fields.add(field("name", 5, product.ref().toString(), canonical));
    fields.add(field("title", 4, product.metadata().title(), canonical));
    fields.add(field("tags", 3, String.join(" ", product.metadata().tags()), canonical));
    fields.add(field("domain", 3, product.metadata().domain(), canonical));
    fields.add(field("owner", 2, product.metadata().owner(), canonical));
    fields.add(field("description", 1, product.metadata().description(), canonical));
    for (Column column : product.spec().schema()) {
      fields.add(field("column " + column.name(), 1, column.name() + " " + nullToEmpty(column.description()), canonical));
    }
    return fields.toArray(Field[]::new);
  }

  private static Field field(String name, double weight, String value, Map<String, String> canonical) {
    return new Field(canonical.computeIfAbsent(name, n -> n), weight,
        words(value).stream().map(word -> canonical.computeIfAbsent(word, w -> w)).toArray(String[]::new));
  }

  /** A product's score: each word's best field, summed; null when a word matches no field. */
  private static SearchHit score(DataProduct product, Field[] fields, List<String> words) {
    double score = 0;
    Set<String> matched = new LinkedHashSet<>();
    for (String word : words) {
      double best = 0;
      for (Field field : fields) {
        best = Math.max(best, match(word, field, matched));
      }
      if (best == 0) {
        return null;
      }
      score += best;
    }
    return new SearchHit(product.ref().toString(), product.metadata().title(), product.metadata().description(),
        score, List.copyOf(matched));
  }

  /** The field's weight when its first word that {@code word} starts is {@code word} itself, 0.6 of it when longer. */
  private static double match(String word, Field field, Set<String> matched) {
    for (String candidate : field.words()) {
      if (candidate.equals(word)) {
        matched.add(field.name());
        return field.weight();
      }
      if (candidate.startsWith(word)) {
        matched.add(field.name());
        return field.weight() * 0.6;
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
