package dev.meshwork.core.ops;

import java.util.List;

/**
 * A product found by a search, with the fields that matched and a score (higher is better), and
 * what results are grouped by: its domain, classification and tags.
 */
public record SearchHit(String product, String title, String description, double score, List<String> matched,
                        String domain, String classification, List<String> tags) {

  public SearchHit {
    matched = matched == null ? List.of() : List.copyOf(matched);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
