package dev.meshwork.core.policy;

import java.util.Map;

/**
 * Identifier columns shared across domains, with the one type every product must give them, so
 * that products join across domains without casts. Policies read them as {@code identifiers}.
 */
public final class SharedIdentifiers {

  public static final Map<String, String> DEFAULT = Map.of(
      "customer_id", "uuid",
      "order_id", "uuid",
      "tenant_id", "uuid",
      "product_id", "string",
      "campaign_id", "string",
      "shipment_id", "string");

  private SharedIdentifiers() {}
}
