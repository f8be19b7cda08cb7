package dev.meshwork.core.policy;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates policies against a product. A policy applies when it listens to the event and its
 * scope is global or the product's domain; its {@code when} (if any) must hold for its
 * {@code rule} to be evaluated. Expressions see {@code product} (see {@link ProductView}) and
 * {@code identifiers}, the registry of shared identifier columns and their types.
 */
public final class PolicyEngine {

  /** One policy's outcome: the policy, its status and, unless it passed, its message. */
  public record Evaluation(Policy policy, PolicyResult.Outcome status, String message) {
    public boolean blocks() {
      return status == PolicyResult.Outcome.FAILED;
    }
  }

  /** CEL's compiler and runtime, made when the first policy is evaluated (they take a while), then shared. */
  private static final class Cel {
    static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("product", MapType.create(SimpleType.STRING, SimpleType.DYN))
        .addVar("identifiers", MapType.create(SimpleType.STRING, SimpleType.STRING))
        .addVar("build", MapType.create(SimpleType.STRING, SimpleType.DYN))
        .addVar("access", MapType.create(SimpleType.STRING, SimpleType.DYN))
        .setResultType(SimpleType.BOOL)
        .build();
    static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  }

  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();
  private final Map<String, String> identifiers;

  public PolicyEngine(Map<String, String> identifiers) {
    this.identifiers = Map.copyOf(identifiers);
  }

  /** The engine with the built-in registry of shared identifiers. */
  public static PolicyEngine standard() {
    return new PolicyEngine(SharedIdentifiers.DEFAULT);
  }

  /** The policies among {@code policies} that apply to {@code product} on {@code event}, evaluated. */
  public List<Evaluation> evaluate(List<Policy> policies, Policy.Event event, DataProduct product) {
    return evaluate(policies, event, product, Map.of());
  }

  /** As above, with the variables an event adds ({@code build} on a build, {@code access} on a request). */
  public List<Evaluation> evaluate(List<Policy> policies, Policy.Event event, DataProduct product, Map<String, Object> extra) {
    Map<String, Object> variables = new java.util.HashMap<>(extra);
    variables.put("product", ProductView.of(product));
    variables.put("identifiers", identifiers);
    List<Evaluation> evaluations = new ArrayList<>();
    for (Policy policy : policies) {
      Policy.Spec spec = policy.spec();
      boolean inScope = spec.scope().isGlobal() || spec.scope().domain().equals(product.ref().domain());
      if (!spec.on().contains(event) || !inScope) {
        continue;
      }
      evaluations.add(run(policy, variables));
    }
    return evaluations;
  }

  /** One policy against a product given as its {@code product} value (see {@link ProductView}). */
  Evaluation evaluate(Policy policy, Map<String, Object> product) {
    return run(policy, Map.of("product", product, "identifiers", identifiers));
  }

  private Evaluation run(Policy policy, Map<String, Object> variables) {
    Policy.Spec spec = policy.spec();
    try {
      if (spec.when() != null && !test(spec.when(), variables)) {
        return new Evaluation(policy, PolicyResult.Outcome.SKIPPED, null);
      }
      if (test(spec.rule(), variables)) {
        return new Evaluation(policy, PolicyResult.Outcome.PASSED, null);
      }
      return new Evaluation(policy, spec.severity() == Policy.Severity.BLOCKING ? PolicyResult.Outcome.FAILED : PolicyResult.Outcome.WARNED, spec.message());
    } catch (CelEvaluationException | CelValidationException e) {
      return new Evaluation(policy, spec.severity() == Policy.Severity.BLOCKING ? PolicyResult.Outcome.FAILED : PolicyResult.Outcome.WARNED,
          spec.message() + " (cannot evaluate: " + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  private boolean test(String expression, Map<String, Object> variables) throws CelEvaluationException, CelValidationException {
    CelRuntime.Program program = programs.get(expression);
    if (program == null) {
      program = Cel.RUNTIME.createProgram(Cel.COMPILER.compile(expression).getAst());
      programs.put(expression, program);
    }
    return Boolean.TRUE.equals(program.eval(variables));
  }
}
