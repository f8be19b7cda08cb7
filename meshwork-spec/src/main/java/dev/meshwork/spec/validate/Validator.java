package dev.meshwork.spec.validate;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Resource;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Problem;
import dev.meshwork.spec.quality.Check;
import dev.meshwork.spec.quality.QualityRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.semver4j.Semver;

/**
 * Semantic validation of a set of resources: each product's own consistency, and the references
 * between resources. A reference to something outside the set is resolved against a
 * {@link Catalog}; offline, an unresolved one is a warning, against the platform an error.
 */
public final class Validator {

  private final Catalog catalog;
  private final boolean authoritative;

  private Validator(Catalog catalog, boolean authoritative) {
    this.catalog = catalog;
    this.authoritative = authoritative;
  }

  /** For files checked on their own: outside references become warnings. */
  public static Validator offline() {
    return new Validator(Catalog.EMPTY, false);
  }

  /** For an apply: outside references must exist on the platform. */
  public static Validator against(Catalog platform) {
    return new Validator(platform, true);
  }

  public List<Problem> validate(List<LoadedResource> set) {
    List<Problem> problems = new ArrayList<>();
    Map<String, LoadedResource> byKey = new LinkedHashMap<>();
    for (LoadedResource loaded : set) {
      Resource resource = loaded.resource();
      LoadedResource first = byKey.putIfAbsent(resource.kind() + "/" + resource.id(), loaded);
      if (first != null) {
        problems.add(Problem.error(loaded.positionOf("metadata.name"), "metadata.name", resource.label()
            + " is defined twice (first at " + first.positionOf("metadata.name") + ")"));
      }
    }
    Index index = new Index(byKey.values());
    for (LoadedResource loaded : byKey.values()) {
      Resource resource = loaded.resource();
      if (resource instanceof DataProduct product) {
        new ProductChecks(loaded, problems).run();
        references(loaded, product, index, problems);
      } else if (resource instanceof Source source) {
        domainExists(loaded, source.domain(), "metadata.domain", index, problems);
      } else if (resource instanceof Policy policy && !policy.spec().scope().isGlobal()) {
        domainExists(loaded, policy.spec().scope().domain(), "spec.scope", index, problems);
      }
    }
    problems.addAll(new Cycles(index.products).find());
    return problems;
  }

  private void references(LoadedResource loaded, DataProduct product, Index index, List<Problem> problems) {
    String domain = product.metadata().domain();
    domainExists(loaded, domain, "metadata.domain", index, problems);
    List<Input> inputs = product.spec().inputs();
    for (int i = 0; i < inputs.size(); i++) {
      String path = "spec.inputs[" + i + "]";
      if (inputs.get(i) instanceof Input.FromSource in) {
        sourceExists(loaded, domain, in.source(), path + ".source", index, problems);
      } else if (inputs.get(i) instanceof Input.FromProduct in) {
        productInput(loaded, in, path, index, problems);
      }
    }
    List<QualityRule> rules = product.spec().quality();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).check() instanceof Check.Relationship relationship) {
        relationship(loaded, relationship, "spec.quality[" + i + "].references", index, problems);
      }
    }
  }

  private void domainExists(LoadedResource loaded, String domain, String path, Index index, List<Problem> problems) {
    if (!index.domains.containsKey(domain) && !catalog.hasDomain(domain)) {
      unresolved(loaded, path, "domain '" + domain + "'", problems);
    }
  }

  private void sourceExists(LoadedResource loaded, String domain, String source, String path, Index index,
                            List<Problem> problems) {
    if (index.sources.containsKey(domain + "." + source) || catalog.source(domain, source).isPresent()) {
      return;
    }
    Optional<Source> elsewhere = index.sources.values().stream()
        .map(l -> (Source) l.resource()).filter(s -> s.name().equals(source)).findFirst();
    if (elsewhere.isPresent()) {
      problems.add(Problem.error(loaded.positionOf(path), path, "source '" + source + "' belongs to domain '"
          + elsewhere.get().domain() + "'; a product reads only its own domain's sources "
          + "(read " + elsewhere.get().domain() + "'s data products instead)"));
      return;
    }
    unresolved(loaded, path, "source '" + source + "' of domain '" + domain + "'", problems);
  }

  private void productInput(LoadedResource loaded, Input.FromProduct input, String path, Index index,
                            List<Problem> problems) {
    Optional<DataProduct> upstream = index.product(input.product()).or(() -> catalog.product(input.product()));
    if (upstream.isEmpty()) {
      unresolved(loaded, path + ".product", "product '" + input.product() + "'", problems);
      return;
    }
    String version = upstream.get().spec().version();
    if (input.version() != null && !Semver.parse(version).satisfies(input.version())) {
      problems.add(Problem.error(loaded.positionOf(path + ".version"), path + ".version", input.product()
          + " is at version " + version + ", which does not satisfy '" + input.version() + "'"));
    }
  }

  private void relationship(LoadedResource loaded, Check.Relationship relationship, String path, Index index,
                            List<Problem> problems) {
    Optional<DataProduct> target = index.product(relationship.product()).or(() -> catalog.product(relationship.product()));
    if (target.isEmpty()) {
      unresolved(loaded, path, "product '" + relationship.product() + "'", problems);
    } else if (target.get().spec().column(relationship.referencedColumn()).isEmpty()) {
      problems.add(Problem.error(loaded.positionOf(path), path, relationship.product() + " has no column '"
          + relationship.referencedColumn() + "'"));
    }
  }

  private void unresolved(LoadedResource loaded, String path, String what, List<Problem> problems) {
    if (authoritative) {
      problems.add(Problem.error(loaded.positionOf(path), path, what + " does not exist on the platform"
          + " or in the files applied"));
    } else {
      problems.add(Problem.warning(loaded.positionOf(path), path, what + " is not defined in the files validated;"
          + " it must exist on the platform when this is applied"));
    }
  }

  /** The resources of the set by kind and identity. */
  static final class Index {
    final Map<String, LoadedResource> domains = new HashMap<>();
    final Map<String, LoadedResource> sources = new HashMap<>();
    final Map<ProductRef, LoadedResource> products = new LinkedHashMap<>();

    Index(Iterable<LoadedResource> set) {
      for (LoadedResource loaded : set) {
        Resource resource = loaded.resource();
        if (resource.kind() == Kind.DOMAIN) {
          domains.put(resource.name(), loaded);
        } else if (resource.kind() == Kind.SOURCE) {
          sources.put(resource.id(), loaded);
        } else if (resource instanceof DataProduct product) {
          products.put(product.ref(), loaded);
        }
      }
    }

    Optional<DataProduct> product(ProductRef ref) {
      return Optional.ofNullable(products.get(ref)).map(l -> (DataProduct) l.resource());
    }
  }
}
