package dev.meshwork.core.policy;

import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates policies against specs without a platform, for a domain's CI: the built-in pack, the
 * policies among the specs and any others given, against every product among the specs, on the
 * {@code apply} event. A policy defined twice counts once: the last definition wins.
 */
public final class PolicyCheck {

  /** One policy's outcome for one product; {@code file} is the product's spec file. */
  public record Result(String product, String file, String policy, PolicyResult.Outcome status, String message) {}

  /** Every outcome, and the policies' compile problems (which make the check fail as bad input). */
  public record Report(List<Result> results, List<Problem> problems, int products, int policies) {

    public long failed() {
      return results.stream().filter(r -> r.status() == PolicyResult.Outcome.FAILED).count();
    }

    public long warned() {
      return results.stream().filter(r -> r.status() == PolicyResult.Outcome.WARNED).count();
    }
  }

  private PolicyCheck() {}

  public static Report run(List<LoadedResource> specs, List<LoadedResource> extraPolicies) {
    Map<String, LoadedResource> policies = new LinkedHashMap<>();
    for (LoadedResource loaded : BuiltinPolicies.load()) {
      policies.put(loaded.resource().id(), loaded);
    }
    for (List<LoadedResource> set : List.of(specs, extraPolicies)) {
      for (LoadedResource loaded : set) {
        if (loaded.resource() instanceof Policy) {
          policies.put(loaded.resource().id(), loaded);
        }
      }
    }
    PolicyCompiler compiler = new PolicyCompiler();
    List<Problem> problems = new ArrayList<>();
    policies.values().forEach(policy -> problems.addAll(compiler.check(policy)));
    List<Result> results = new ArrayList<>();
    int products = 0;
    if (problems.isEmpty()) {
      List<Policy> active = policies.values().stream().map(l -> (Policy) l.resource()).toList();
      PolicyEngine engine = PolicyEngine.standard();
      for (LoadedResource loaded : specs) {
        if (loaded.resource() instanceof DataProduct product) {
          products++;
          for (PolicyEngine.Evaluation evaluation : engine.evaluate(active, Policy.Event.APPLY, product)) {
            results.add(new Result(product.ref().toString(), loaded.file(), evaluation.policy().metadata().name(),
                evaluation.status(), evaluation.message()));
          }
        }
      }
    }
    return new Report(results, problems, products, policies.size());
  }
}
