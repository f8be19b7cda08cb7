package dev.meshwork.spec;

/** A document of kind Domain, Source, DataProduct or Policy. */
public sealed interface Resource permits Domain, Source, DataProduct, Policy {

  Kind kind();

  Metadata metadata();

  default String name() {
    return metadata().name();
  }

  /** The resource's identity among its kind: a domain-qualified name for sources and products. */
  default String id() {
    String domain = metadata().domain();
    return domain == null ? name() : domain + "." + name();
  }

  /** How messages name the resource: {@code DataProduct orders.daily}. */
  default String label() {
    return kind() + " " + id();
  }
}
