package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.quality.QualityRule;
import java.util.List;
import java.util.Optional;

/** A dataset with a contract, owned by a domain; its address is {@code domain.name}. */
public record DataProduct(Metadata metadata, Spec spec) implements Resource {

  public DataProduct {
    if (metadata == null || spec == null) {
      throw new InvalidException("a DataProduct needs metadata and spec");
    }
    if (metadata.domain() == null) {
      throw new InvalidException("a DataProduct needs metadata.domain");
    }
    if (metadata.owner() == null) {
      throw new InvalidException("a DataProduct needs metadata.owner");
    }
  }

  @Override
  public Kind kind() {
    return Kind.DATA_PRODUCT;
  }

  public ProductRef ref() {
    return new ProductRef(metadata.domain(), metadata.name());
  }

  /**
   * The contract. {@code access} is never null: it defaults from the classification.
   * {@code declassification} is null unless the product declares itself less sensitive than its inputs.
   * {@code readme} is the product's README as Markdown text, or null; {@code readmeFile} is the
   * {@code .md} file it was read from (as written in the spec), or null when the spec holds it inline.
   */
  public record Spec(String version, Classification classification, boolean containsPII, int retentionDays,
                     List<Input> inputs, Transform transform, List<Column> schema, List<QualityRule> quality,
                     Sla sla, Schedule schedule, List<OutputPort> outputPorts, Access access,
                     List<ChangelogEntry> changelog, Declassification declassification, String readme,
                     String readmeFile) {
    public Spec {
      Versions.checkSemver(version);
      if (classification == null) {
        throw new InvalidException("a product needs a classification");
      }
      if (retentionDays <= 0) {
        throw new InvalidException("retentionDays must be greater than 0, not " + retentionDays);
      }
      if (transform == null) {
        throw new InvalidException("a product needs a transform");
      }
      inputs = inputs == null ? List.of() : List.copyOf(inputs);
      schema = schema == null ? List.of() : List.copyOf(schema);
      if (schema.isEmpty()) {
        throw new InvalidException("a product's schema needs at least one column");
      }
      quality = quality == null ? List.of() : List.copyOf(quality);
      outputPorts = outputPorts == null ? List.of() : List.copyOf(outputPorts);
      access = access == null ? Access.defaultFor(classification) : access;
      changelog = changelog == null ? List.of() : List.copyOf(changelog);
      if (readme == null && readmeFile != null) {
        throw new InvalidException("readmeFile names the file a README was read from; it needs the readme");
      }
      if (readme != null) {
        Readme.check(readme, readmeFile);
      }
    }

    public Optional<Column> column(String name) {
      return schema.stream().filter(c -> c.name().equals(name)).findFirst();
    }
  }
}
