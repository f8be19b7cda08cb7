package dev.meshwork.core.registry;

import dev.meshwork.core.ops.ApplyResult;
import dev.meshwork.core.policy.Governance;
import dev.meshwork.core.policy.PolicyCompiler;
import dev.meshwork.core.policy.PolicyEngine;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.StoredResource;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Resource;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import dev.meshwork.spec.load.SelfContained;
import dev.meshwork.spec.validate.Catalog;
import dev.meshwork.spec.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The applied resources. Each is stored as a self-contained document (SQL inline, file paths
 * absolute) so that what was applied is what builds, whatever happens to the files later.
 * Resources are read from the store once and kept, parsed, until this registry applies
 * something: it is the only writer of resources while it holds the home.
 */
public final class Registry implements Catalog {

  private final MetadataStore store;
  private final Map<String, Applied> cache = new ConcurrentHashMap<>();
  /** Every applied resource of a kind, as {@link #all} lists them; emptied by each apply. */
  private final Map<Kind, List<Applied>> listings = new ConcurrentHashMap<>();
  private final PolicyCompiler policies = new PolicyCompiler();
  private final PolicyEngine engine = PolicyEngine.standard();

  /** A resource as applied, with its stored record. */
  public record Applied(Resource resource, StoredResource stored) {}

  private final Governance governance;

  public Registry(MetadataStore store, Governance governance) {
    this.store = store;
    this.governance = governance;
  }

  /** Validates the set against itself and the platform, then stores it whole, or nothing. */
  public synchronized ApplyResult apply(List<LoadedResource> resources) {
    List<Problem> problems = new ArrayList<>(Validator.against(this).validate(resources));
    resources.forEach(loaded -> problems.addAll(policies.check(loaded)));
    resources.forEach(loaded -> keepGlobalPoliciesGlobal(loaded, problems));
    if (problems.stream().noneMatch(Problem::isError)) {
      problems.addAll(applyPolicies(resources));
    }
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new InvalidException("nothing was applied: " + errors.size() + (errors.size() == 1 ? " problem" : " problems")
          + " found", errors);
    }
    Map<String, StoredResource> documents = new LinkedHashMap<>();
    for (LoadedResource loaded : resources) {
      Resource resource = loaded.resource();
      String document = SelfContained.document(loaded);
      documents.put(key(resource.kind(), resource.id()), new StoredResource(resource.kind(), resource.id(),
          domainOf(resource), document, sha256(document), 0, null));
    }
    Map<String, Integer> before = new LinkedHashMap<>();
    documents.forEach((key, doc) -> before.put(key, find(doc.kind(), doc.id()).map(a -> a.stored().generation()).orElse(0)));
    List<StoredResource> stored;
    try {
      stored = store.apply(List.copyOf(documents.values()));
    } finally {
      listings.clear();
    }
    List<ApplyResult.Change> changes = new ArrayList<>();
    for (StoredResource saved : stored) {
      String key = key(saved.kind(), saved.id());
      cache.remove(key);
      int previous = before.getOrDefault(key, 0);
      ApplyResult.Action action = previous == 0 ? ApplyResult.Action.CREATED
          : previous == saved.generation() ? ApplyResult.Action.UNCHANGED : ApplyResult.Action.UPDATED;
      changes.add(new ApplyResult.Change(saved.kind().toString(), saved.id(), saved.kind() + " " + saved.id(), action,
          saved.generation()));
    }
    return new ApplyResult(changes, problems.stream().filter(p -> !p.isError()).toList());
  }

  /** A domain cannot switch off a global policy by applying a policy of the same name scoped to itself. */
  private void keepGlobalPoliciesGlobal(LoadedResource loaded, List<Problem> problems) {
    if (loaded.resource() instanceof Policy policy && !policy.spec().scope().isGlobal()) {
      find(Kind.POLICY, policy.id()).map(Applied::resource).map(Policy.class::cast)
          .filter(existing -> existing.spec().scope().isGlobal())
          .ifPresent(existing -> problems.add(Problem.error(loaded.positionOf("spec.scope"), "spec.scope",
              "policy " + policy.id() + " is global: a policy scoped to domain " + policy.spec().scope().domain()
                  + " cannot replace it (give the domain's policy a name of its own)")));
    }
  }

  /**
   * The apply-event policies (those applied before, replaced by any in the set) evaluated against
   * each product of the set: a blocking failure is an error at the product, a warning a warning.
   */
  private List<Problem> applyPolicies(List<LoadedResource> resources) {
    Map<String, Policy> policies = new LinkedHashMap<>();
    policies().forEach(policy -> policies.put(policy.id(), policy));
    resources.stream().filter(l -> l.resource() instanceof Policy).forEach(l -> policies.put(l.resource().id(), (Policy) l.resource()));
    List<Problem> problems = new ArrayList<>();
    for (LoadedResource loaded : resources) {
      if (loaded.resource() instanceof DataProduct product) {
        List<PolicyEngine.Evaluation> evaluations = governance.settle("DataProduct", product.id(), Policy.Event.APPLY,
            engine.evaluate(List.copyOf(policies.values()), Policy.Event.APPLY, product));
        for (PolicyEngine.Evaluation evaluation : evaluations) {
          String text = "policy " + evaluation.policy().metadata().name() + ": " + evaluation.message();
          if (evaluation.status() == PolicyResult.Outcome.FAILED) {
            problems.add(Problem.error(loaded.positionOf("metadata.name"), "metadata.name", text));
          } else if (evaluation.status() == PolicyResult.Outcome.WARNED) {
            problems.add(Problem.warning(loaded.positionOf("metadata.name"), "metadata.name", text));
          }
        }
      }
    }
    return problems;
  }

  public Optional<Applied> find(Kind kind, String id) {
    String key = key(kind, id);
    Applied cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Applied> applied = store.resource(kind, id).map(Registry::parse);
    applied.ifPresent(a -> cache.put(key, a));
    return applied;
  }

  /** Every applied resource of a kind, ordered by id; the same list until the next apply. */
  public List<Applied> all(Kind kind) {
    List<Applied> listed = listings.get(kind);
    if (listed != null) {
      return listed;
    }
    synchronized (this) {
      listed = listings.get(kind);
      if (listed == null) {
        listed = load(kind);
        listings.put(kind, listed);
      }
      return listed;
    }
  }

  /**
   * Reads a kind's resources from the store, parsing (on every core: thousands of products take
   * seconds) only those changed since they were last read.
   */
  private List<Applied> load(Kind kind) {
    return store.resources(kind).parallelStream().map(stored -> {
      Applied cached = cache.get(key(kind, stored.id()));
      if (cached != null && cached.stored().generation() == stored.generation()) {
        return cached;
      }
      Applied applied = parse(stored);
      cache.put(key(kind, stored.id()), applied);
      return applied;
    }).toList();
  }

  /** Every applied policy. */
  public List<Policy> policies() {
    return all(Kind.POLICY).stream().map(applied -> (Policy) applied.resource()).toList();
  }

  public List<DataProduct> products() {
    return all(Kind.DATA_PRODUCT).stream().map(a -> (DataProduct) a.resource()).toList();
  }

  /** An applied product, or NotFound naming it. */
  public Applied requireProduct(ProductRef ref) {
    return find(Kind.DATA_PRODUCT, ref.toString())
        .orElseThrow(() -> new NotFoundException("no product " + ref + " on this platform (apply it first with mesh apply)"));
  }

  @Override
  public boolean hasDomain(String domain) {
    return find(Kind.DOMAIN, domain).isPresent();
  }

  @Override
  public Optional<Source> source(String domain, String name) {
    return find(Kind.SOURCE, domain + "." + name).map(a -> (Source) a.resource());
  }

  @Override
  public Optional<DataProduct> product(ProductRef ref) {
    return find(Kind.DATA_PRODUCT, ref.toString()).map(a -> (DataProduct) a.resource());
  }

  private static Applied parse(StoredResource stored) {
    Path origin = Path.of("/applied", stored.kind().toString(), stored.id() + ".yaml");
    Loader.Result result = new Loader(Path.of("/")).loadText(origin, stored.document());
    if (!result.problems().isEmpty() || result.resources().size() != 1) {
      throw new IllegalStateException("the stored document of " + stored.kind() + " " + stored.id()
          + " no longer reads: " + result.problems());
    }
    return new Applied(result.resources().get(0).resource(), stored);
  }

  private static String domainOf(Resource resource) {
    if (resource instanceof Policy policy) {
      return policy.spec().scope().domain();
    }
    return resource.kind() == Kind.DOMAIN ? null : resource.metadata().domain();
  }

  private static String key(Kind kind, String id) {
    return kind + "/" + id;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
