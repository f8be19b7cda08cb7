package dev.meshwork.core.policy;

import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles policies' CEL expressions ({@code when} and {@code rule}) when they are applied, so a
 * syntax error, an expression that is not boolean, an unknown variable or a field that a product
 * does not have is refused then, pointing at the expression, rather than found at a build.
 * Expressions read the variables {@code product}, the product as its spec writes it, and
 * {@code identifiers}, the shared identifier columns and their types; a policy listening only to
 * builds also reads {@code build}, the build's result; one listening only to access requests
 * reads {@code access}, the request (see {@link AccessView}).
 */
public final class PolicyCompiler {

  /** The compilers, made when the first policy is checked (they take a while), then shared. */
  private static final class Compilers {
    static final PolicyTypes TYPES = new PolicyTypes();
    static final CelCompiler PRODUCT = compiler(TYPES, null, null);
    static final CelCompiler BUILD = compiler(TYPES, "build", TYPES.build());
    static final CelCompiler ACCESS = compiler(TYPES, "access", TYPES.access());
  }

  private static CelCompiler compiler(PolicyTypes types, String event, dev.cel.common.types.CelType eventType) {
    var builder = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(types)
        .addVar("product", types.product())
        .addVar("identifiers", dev.cel.common.types.MapType.create(SimpleType.STRING, SimpleType.STRING))
        .setResultType(SimpleType.BOOL);
    if (event != null) {
      builder.addVar(event, eventType);
    }
    return builder.build();
  }

  /** The problems of a loaded policy's expressions; none for other resources. */
  public List<Problem> check(LoadedResource loaded) {
    List<Problem> problems = new ArrayList<>();
    if (loaded.resource() instanceof Policy policy) {
      java.util.Set<Policy.Event> on = policy.spec().on();
      CelCompiler chosen = on.equals(java.util.Set.of(Policy.Event.BUILD)) ? Compilers.BUILD
          : on.equals(java.util.Set.of(Policy.Event.ACCESS)) ? Compilers.ACCESS : Compilers.PRODUCT;
      check(chosen, loaded, "spec.when", policy.spec().when(), problems);
      check(chosen, loaded, "spec.rule", policy.spec().rule(), problems);
    }
    return problems;
  }

  private static void check(CelCompiler compiler, LoadedResource loaded, String path, String expression, List<Problem> problems) {
    if (expression == null) {
      return;
    }
    try {
      compiler.compile(expression).getAst();
    } catch (CelValidationException e) {
      for (CelIssue issue : e.getErrors()) {
        problems.add(Problem.error(loaded.positionOf(path), path, issue.getMessage() + " (column "
            + (issue.getSourceLocation().getColumn() + 1) + " of \"" + expression + "\")"));
      }
    }
  }
}
