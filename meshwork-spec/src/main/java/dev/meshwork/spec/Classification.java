package dev.meshwork.spec;

/** How sensitive a product is, from least to most. */
public enum Classification {
  PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED
}
