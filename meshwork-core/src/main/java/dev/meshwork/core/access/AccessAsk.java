package dev.meshwork.core.access;

import dev.meshwork.spec.ProductRef;
import java.time.LocalDate;

/**
 * What a consumer asks for: to read {@code product} for {@code purpose}, with its PII in clear or
 * not, until a day (null for the default term), for themselves, a team or a consuming product.
 */
public record AccessAsk(ProductRef product, String purpose, boolean pii, LocalDate until, String forTeam,
                        ProductRef forProduct) {}
