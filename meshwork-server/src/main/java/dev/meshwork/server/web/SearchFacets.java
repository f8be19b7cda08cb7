package dev.meshwork.server.web;

import dev.meshwork.server.web.Views.Facet;
import dev.meshwork.server.web.Views.ProductCard;
import dev.meshwork.spec.error.InvalidException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The search page's facets: domain, classification, tag, freshness and quality. Each is a query
 * parameter; a facet's link narrows the results to its value, or widens them back when active. A
 * product has one value of each facet but tags, of which it has any number: it counts under each.
 * Facets count every result; the results show a page at a time.
 */
final class SearchFacets {

  /** The facets in the order they show, each with what it reads of a card. */
  enum Kind {
    DOMAIN("domain", card -> List.of(card.domain()), Map.of()),
    CLASSIFICATION("classification", card -> List.of(card.classification()), Map.of()),
    TAG("tag", ProductCard::tags, Map.of()),
    FRESHNESS("freshness", card -> List.of(card.freshness()), ordered("fresh", "fresh", "late", "late", "none", "no SLA")),
    QUALITY("quality", card -> List.of(card.qualityBadge()),
        ordered("good", "≥ 95", "warn", "80–95", "bad", "< 80", "none", "no score"));

    final String param;
    final Function<ProductCard, List<String>> values;
    /** Labels of the values, in the order they show; empty to show the values themselves, sorted. */
    final Map<String, String> labels;

    Kind(String param, Function<ProductCard, List<String>> values, Map<String, String> labels) {
      this.param = param;
      this.values = values;
      this.labels = labels;
    }

    String label(String value) {
      return labels.getOrDefault(value, value);
    }
  }

  private SearchFacets() {}

  /** The filters a request asks for, by facet; a facet not asked for is absent. */
  static Map<Kind, String> filters(Function<String, String> query) {
    Map<Kind, String> filters = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      String value = query.apply(kind.param);
      if (value != null) {
        filters.put(kind, value);
      }
    }
    return filters;
  }

  static boolean matches(ProductCard card, Map<Kind, String> filters) {
    return filters.entrySet().stream().allMatch(e -> e.getKey().values.apply(card).contains(e.getValue()));
  }

  /** What the results are narrowed to, for people ("domain shop, quality < 80"), or null when they are not. */
  static String describe(Map<Kind, String> filters) {
    if (filters.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    filters.forEach((kind, value) -> parts.add(kind.param + " " + kind.label(value)));
    return String.join(", ", parts);
  }

  /**
   * A facet's values with their counts among the results the other facets' filters leave (so a
   * count is what its link shows), the active value first in its place.
   */
  static List<Facet> facets(Kind kind, List<ProductCard> cards, String query, Map<Kind, String> filters) {
    Map<String, Long> counts = kind.labels.isEmpty() ? new TreeMap<>() : new LinkedHashMap<>();
    kind.labels.keySet().forEach(value -> counts.put(value, 0L));
    Map<Kind, String> others = new LinkedHashMap<>(filters);
    others.remove(kind);
    for (ProductCard card : cards) {
      if (!others.isEmpty() && !matches(card, others)) {
        continue;
      }
      List<String> values = kind.values.apply(card);
      for (int i = 0; i < values.size(); i++) {
        // a value a card has twice (a tag repeated) counts once
        if (values.indexOf(values.get(i)) == i) {
          counts.merge(values.get(i), 1L, Long::sum);
        }
      }
    }
    List<Facet> facets = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (entry.getValue() == 0) {
        continue;
      }
      boolean active = entry.getKey().equals(filters.get(kind));
      Map<Kind, String> next = new LinkedHashMap<>(filters);
      if (active) {
        next.remove(kind);
      } else {
        next.put(kind, entry.getKey());
      }
      facets.add(new Facet(kind.label(entry.getKey()), entry.getValue(), href(query, next), active));
    }
    return facets;
  }

  /**
   * The page of {@code total} results that {@code page} (a query parameter, null for the first)
   * asks for, {@code size} to a page; a page past the last shows the last.
   *
   * @throws InvalidException when {@code page} is not a whole number from 1
   */
  static Views.Paging paging(String page, int total, int size, String query, Map<Kind, String> filters) {
    int asked = 1;
    if (page != null) {
      try {
        asked = Integer.parseInt(page);
      } catch (NumberFormatException e) {
        asked = 0;
      }
      if (asked < 1) {
        throw new InvalidException("cannot show page '" + page + "' of the results: a page is a whole number from 1");
      }
    }
    int pages = Math.max(1, (total + size - 1) / size);
    int shown = Math.min(asked, pages);
    return new Views.Paging(shown, pages, (shown - 1) * size, Math.min(total, shown * size),
        shown > 1 ? href(query, filters, shown - 1) : null, shown < pages ? href(query, filters, shown + 1) : null);
  }

  private static String href(String query, Map<Kind, String> filters) {
    return href(query, filters, 1);
  }

  /** The results' address for a query, filters and page (the first page without a page parameter). */
  private static String href(String query, Map<Kind, String> filters, int page) {
    List<String> params = new ArrayList<>();
    if (query != null) {
      params.add("q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }
    for (Kind kind : Kind.values()) {
      if (filters.containsKey(kind)) {
        params.add(kind.param + "=" + URLEncoder.encode(filters.get(kind), StandardCharsets.UTF_8));
      }
    }
    if (page > 1) {
      params.add("page=" + page);
    }
    return "/search" + (params.isEmpty() ? "" : "?" + String.join("&", params));
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
