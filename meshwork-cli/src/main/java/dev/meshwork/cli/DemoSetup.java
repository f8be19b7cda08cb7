package dev.meshwork.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.ops.ApplyResult;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.policy.BuiltinPolicies;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.User;
import dev.meshwork.examples.ExampleData;
import dev.meshwork.examples.ExampleMesh;
import dev.meshwork.spec.Domain;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sets up the demo on a home: the sample mesh with freshly generated source data, applied with
 * the built-in policies, every product built, and a few users with tokens. What it writes besides
 * the platform's own state lives in the home's {@code demo/} folder: the mesh's files
 * ({@code mesh/}), the embedded databases standing in for the PostgreSQL servers
 * ({@code databases/}), and {@code README.txt}, written last, which marks a finished setup.
 */
final class DemoSetup {

  static final String FOLDER = "demo";
  static final String READY = "README.txt";

  /** The demo's people, each with a token just issued; the admin first. */
  record Tokens(String admin, Map<DemoUser, String> users) {}

  private final Platform platform;
  private final Path folder;
  private final PrintWriter err;
  private final Clock clock;

  DemoSetup(Platform platform, Home home, PrintWriter err, Clock clock) {
    this.platform = platform;
    this.folder = home.dir().resolve(FOLDER);
    this.err = err;
    this.clock = clock;
  }

  /** Whether {@code home} holds a demo whose setup finished. */
  static boolean isReady(Path home) {
    return Files.isRegularFile(home.resolve(FOLDER).resolve(READY));
  }

  /** Sets the demo up on a new, empty home; reports each step on stderr. */
  Tokens setUp() {
    String admin = platform.identities().ensureAdmin().orElseThrow(() -> new InvalidException(
        "cannot set up the demo: the platform home already has users")).secret();
    Path mesh = folder.resolve("mesh");
    Path databases = folder.resolve("databases");
    step("writing the sample mesh to " + mesh + " and generating its sources' data");
    ExampleMesh.copyTo(mesh);
    Instant now = clock.instant();
    ExampleData.writeFiles(mesh, ExampleData.Scale.SMALL, now);
    ExampleData.loadH2(databases, ExampleData.Scale.SMALL, now);
    DemoSources.pointAtH2(mesh, databases);
    List<LoadedResource> resources = load(mesh);
    step("applying the sample mesh");
    ApplyResult applied = platform.operations().apply(resources);
    applied.warnings().forEach(warning -> err.println("  " + warning));
    step("applied " + applied.changes().size() + " resources; installing the built-in policies");
    platform.operations().apply(BuiltinPolicies.load());
    step("building every product");
    build();
    List<DemoUser> users = DemoUser.of(domains(resources));
    step("creating " + users.size() + " users and their teams");
    Map<DemoUser, String> tokens = createUsers(users);
    createAccessRequests(users);
    markReady(now);
    return new Tokens(admin, tokens);
  }

  /** On a home whose demo is set up: new tokens for the admin and the demo's users (earlier ones cannot be shown again). */
  Tokens resume() {
    Identities identities = platform.identities();
    Set<String> existing = new HashSet<>(identities.users().stream().map(User::name).toList());
    Map<DemoUser, String> tokens = new LinkedHashMap<>();
    for (DemoUser user : DemoUser.of(domains(load(folder.resolve("mesh"))))) {
      if (existing.contains(user.name())) {
        tokens.put(user, identities.issueToken(user.name(), null).secret());
      }
    }
    return new Tokens(identities.issueToken(Identities.ADMIN, null).secret(), tokens);
  }

  /**
   * The demo's access requests: the consumers ask for products of other domains, so the catalog
   * has grants, decisions and requests waiting. Automatic ones are granted at once; the customers
   * domain's owner approves one request for its products and leaves a PII request waiting; a
   * request for the restricted finance product waits for a platform admin.
   */
  void createAccessRequests(List<DemoUser> users) {
    step("making access requests");
    ask("analyst", new AccessAsk(ProductRef.parse("orders.daily"), "weekly revenue dashboard", false, null, null, null));
    ask("analyst", new AccessAsk(ProductRef.parse("logistics.shipment_tracking"), "delivery times per region",
        false, null, DemoUser.CONSUMERS, null));
    AccessRequest customers = ask("analyst", new AccessAsk(ProductRef.parse("customers.customer_360"),
        "segment sizes for the quarterly review", false, null, null, null));
    users.stream().filter(user -> "customers".equals(user.team())).findFirst().ifPresent(owner ->
        as(owner.name()).approveAccess(customers.id(), "aggregates only, please"));
    ask("data-scientist", new AccessAsk(ProductRef.parse("customers.profile"), "churn model features, with e-mails to"
        + " join the support tickets", true, null, null, null));
    ask("data-scientist", new AccessAsk(ProductRef.parse("finance.revenue_by_tenant"), "lifetime value per tenant",
        false, null, null, null));
  }

  private AccessRequest ask(String user, AccessAsk ask) {
    return as(user).requestAccess(ask);
  }

  private Operations as(String user) {
    return platform.operationsFor(platform.identities().principal(user));
  }

  private void build() {
    boolean live = System.console() != null;
    List<BuildRecord> builds;
    try (Progress progress = new Progress(err, live, clock)) {
      builds = platform.operations().build(BuildRequest.all(), progress);
    }
    builds.forEach(build -> err.println("  " + BuildCommand.line(build).replace("\n", "\n  ")));
    long failed = builds.stream().filter(build -> build.status() != BuildRecord.Status.PUBLISHED).count();
    if (failed > 0) {
      err.println("  " + failed + " of " + builds.size() + " builds failed; the demo goes on with the products published");
    }
  }

  private Map<DemoUser, String> createUsers(List<DemoUser> users) {
    Identities identities = platform.identities();
    Set<String> teams = new HashSet<>();
    Map<DemoUser, String> tokens = new LinkedHashMap<>();
    for (DemoUser user : users) {
      if (teams.add(user.team())) {
        identities.createTeam(user.team());
      }
      identities.createUser(user.name(), user.email(), user.team(), false);
      tokens.put(user, identities.issueToken(user.name(), null).secret());
    }
    return tokens;
  }

  private List<LoadedResource> load(Path mesh) {
    Loader.Result loaded = new Loader(mesh).load(List.of(mesh));
    List<Problem> errors = loaded.problems().stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new InvalidException("cannot set up the demo: the sample mesh in " + mesh + " does not load", errors);
    }
    return loaded.resources();
  }

  private static List<Domain> domains(List<LoadedResource> resources) {
    List<Domain> domains = new ArrayList<>();
    for (LoadedResource loaded : resources) {
      if (loaded.resource() instanceof Domain domain) {
        domains.add(domain);
      }
    }
    domains.sort(Comparator.comparing(domain -> domain.metadata().name()));
    return domains;
  }

  private void markReady(Instant now) {
    String text = """
        This platform home was set up by `mesh demo` at %s.
        mesh/       the sample mesh that was applied, with its generated source data
        databases/  the embedded H2 databases standing in for the orders and crm PostgreSQL databases
        Run `mesh demo --home %s` again to serve it with new tokens.
        """.formatted(now, folder.getParent());
    try {
      Files.writeString(folder.resolve(READY), text, UTF_8);
    } catch (IOException e) {
      throw new EngineException("cannot set up the demo: cannot write " + folder.resolve(READY) + ": " + e.getMessage(), e);
    }
  }

  private void step(String what) {
    err.println("demo: " + what);
    err.flush();
  }
}
