package dev.meshwork.core.ops;

import java.util.List;

/** A product found by a search, with the fields that matched and a score (higher is better). */
public record SearchHit(String product, String title, String description, double score, List<String> matched) {}
