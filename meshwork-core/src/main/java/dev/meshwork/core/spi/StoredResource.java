package dev.meshwork.core.spi;

import dev.meshwork.spec.Kind;
import java.time.Instant;

/**
 * An applied resource as the store keeps it: the document (YAML, self-contained: SQL inline,
 * paths absolute), a hash of it, the generation (1 for the first apply, +1 for each change), and
 * when it last changed. {@code domain} is null for domains and global policies.
 */
public record StoredResource(Kind kind, String id, String domain, String document, String hash,
                             int generation, Instant updatedAt) {}
