package dev.meshwork.core.access;

/**
 * Why a caller may read a product's data, and whether its PII comes back in clear: {@code via} is
 * {@code admin}, {@code domain} (they maintain the product) or the id of the grant that lets them.
 */
public record Reading(String product, boolean pii, String via) {}
