package dev.meshwork.core.access;

import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.metrics.Metrics;
import dev.meshwork.core.policy.AccessView;
import dev.meshwork.core.policy.Governance;
import dev.meshwork.core.policy.PolicyEngine;
import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.Team;
import dev.meshwork.core.spi.User;
import dev.meshwork.spec.Access;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access to products' data: requests, their decisions and the grants they become. A request is
 * judged by the access policies when made and again when approved (then with its approver); it is
 * approved at once when the product's {@code access.approval} is {@code auto}, else it waits for a
 * domain owner or member ({@code owner}) or a platform admin ({@code governance}). Asking for PII
 * in clear is never automatic: such a request on an {@code auto} product waits for an owner.
 * Reading needs a grant, except for platform admins and the product's own domain.
 */
public final class AccessControl {

  /** How long a grant lasts when the request names no day. */
  public static final Duration DEFAULT_TERM = Duration.ofDays(90);
  /** Who rejected a request the access policies refused. */
  public static final String POLICY = "policy";

  private static final int SCAN = 10_000;

  private final Registry registry;
  private final MetadataStore store;
  private final Governance governance;
  private final PolicyEngine policies = PolicyEngine.standard();
  private final Clock clock;
  private final Metrics metrics;

  /** Decisions and times to access are reported to {@code metrics}. */
  public AccessControl(Registry registry, MetadataStore store, Governance governance, Clock clock, Metrics metrics) {
    this.metrics = metrics;
    this.registry = registry;
    this.store = store;
    this.governance = governance;
    this.clock = clock;
  }

  /** Records the request and decides it when it can be decided now; returns it as recorded. */
  public AccessRequest request(Principal caller, AccessAsk ask) {
    if (ask.product() == null) {
      throw new InvalidException("cannot request access: the product is missing");
    }
    String what = "cannot request access to " + ask.product() + ": ";
    DataProduct product = registry.product(ask.product()).orElseThrow(() -> new NotFoundException(
        what + "no such product on this platform"));
    if (ask.purpose() == null || ask.purpose().isBlank()) {
      throw new InvalidException(what + "the purpose is missing; say what the data is for");
    }
    Instant now = now();
    Instant expires = expiry(what, ask.until(), now);
    checkBeneficiary(caller, ask, what);
    String forProduct = ask.forProduct() == null ? null : ask.forProduct().toString();
    Optional<AccessRequest> open = store.accessRequests(ask.product().toString(), caller.user(), null, SCAN).stream()
        .filter(r -> r.status() == AccessRequest.Status.PENDING || r.grantsAt(now))
        .filter(r -> Objects.equals(r.forTeam(), ask.forTeam()) && Objects.equals(r.forProduct(), forProduct))
        .filter(r -> r.pii() || !ask.pii())
        .findFirst();
    if (open.isPresent()) {
      throw new ConflictException(what + "request " + open.get().id() + " is " + open.get().status() + " already");
    }
    Access.Approval approval = product.spec().access().approval();
    if (approval == Access.Approval.AUTO && ask.pii()) {
      approval = Access.Approval.OWNER;
    }
    AccessRequest request = new AccessRequest("ar-" + UUID.randomUUID().toString().substring(0, 8),
        ask.product().toString(), caller.user(), ask.purpose().strip(), ask.pii(), ask.forTeam(), forProduct,
        approval.toString(), AccessRequest.Status.PENDING, now, expires, null, null, null, null);
    List<String> refusals = judge(product, request, "");
    if (!refusals.isEmpty()) {
      request = request.decided(AccessRequest.Status.REJECTED, POLICY, now, String.join("; ", refusals));
    } else if (approval == Access.Approval.AUTO) {
      request = request.decided(AccessRequest.Status.APPROVED, AccessRequest.AUTO, now, null);
    }
    store.saveAccessRequest(request);
    if (request.status() != AccessRequest.Status.PENDING) {
      reportDecision(request);
    }
    return request;
  }

  /** Approves a pending request; refused when the caller may not decide it or an access policy forbids it. */
  public AccessRequest approve(Principal caller, String id, String note) {
    AccessRequest request = pending(id, "approve");
    DataProduct product = productOf(request, "approve");
    requireDecider(caller, request, "approve");
    List<String> refusals = judge(product, request, caller.user());
    if (!refusals.isEmpty()) {
      throw new DeniedException("user " + caller.user() + " may not approve " + id + ": " + String.join("; ", refusals));
    }
    return reportDecision(store.updateAccessRequest(request.decided(AccessRequest.Status.APPROVED, caller.user(), now(),
        blankToNull(note)), AccessRequest.Status.PENDING));
  }

  /** Rejects a pending request, for a reason. */
  public AccessRequest reject(Principal caller, String id, String reason) {
    AccessRequest request = pending(id, "reject");
    requireDecider(caller, request, "reject");
    if (reason == null || reason.isBlank()) {
      throw new InvalidException("cannot reject " + id + ": the reason is missing; say why");
    }
    return reportDecision(store.updateAccessRequest(request.decided(AccessRequest.Status.REJECTED, caller.user(), now(),
        reason.strip()), AccessRequest.Status.PENDING));
  }

  /** Withdraws a grant; its holder may give it up, its deciders may take it back. */
  public AccessRequest revoke(Principal caller, String id, String reason) {
    AccessRequest request = find(id, "revoke");
    if (request.status() != AccessRequest.Status.APPROVED) {
      throw new ConflictException("cannot revoke " + id + ": it is " + request.status() + ", not approved");
    }
    if (!caller.user().equals(request.requester())) {
      requireDecider(caller, request, "revoke");
    }
    return store.updateAccessRequest(request.revoked(now(), blankToNull(reason)), AccessRequest.Status.APPROVED);
  }

  /** One request, when the caller may see it. */
  public AccessRequest show(Principal caller, String id) {
    AccessRequest request = find(id, "show");
    if (!visible(caller, request)) {
      throw new NotFoundException("cannot show " + id + ": no such access request");
    }
    return request;
  }

  /** The requests the filter picks among those the caller may see, newest first. */
  public List<AccessRequest> list(Principal caller, AccessFilter filter) {
    if (filter.limit() < 1) {
      throw new InvalidException("cannot list the access requests: the limit must be at least 1, not " + filter.limit());
    }
    String product = filter.product() == null ? null : filter.product().toString();
    String requester = filter.view() == AccessFilter.View.MINE ? caller.user() : null;
    AccessRequest.Status status = filter.view() == AccessFilter.View.TO_DECIDE ? AccessRequest.Status.PENDING : filter.status();
    Instant now = now();
    return store.accessRequests(product, requester, status, SCAN).stream()
        .filter(r -> filter.status() == null || r.status() == filter.status())
        .filter(r -> !filter.inForce() || r.grantsAt(now))
        .filter(r -> visible(caller, r))
        .filter(r -> filter.view() != AccessFilter.View.TO_DECIDE || mayDecide(caller, r))
        .limit(filter.limit())
        .toList();
  }

  /**
   * Whether and how the caller may read a product's data now.
   *
   * @throws DeniedException when no grant lets them
   */
  public Reading reading(Principal caller, ProductRef product) {
    if (caller.admin()) {
      return new Reading(product.toString(), true, "admin");
    }
    if (caller.maintains(product.domain())) {
      return new Reading(product.toString(), true, "domain");
    }
    Instant now = now();
    List<AccessRequest> grants = store.accessRequests(product.toString(), null, AccessRequest.Status.APPROVED, SCAN)
        .stream().filter(r -> r.grantsAt(now) && covers(r, caller)).toList();
    if (grants.isEmpty()) {
      throw new DeniedException("user " + caller.user() + " may not read " + product + ": no grant; ask for one with"
          + " mesh access request " + product + " --purpose TEXT");
    }
    AccessRequest best = grants.stream().filter(AccessRequest::pii).findFirst().orElse(grants.get(0));
    return new Reading(product.toString(), best.pii(), best.id());
  }

  private static boolean covers(AccessRequest grant, Principal caller) {
    if (grant.forTeam() != null) {
      return grant.forTeam().equals(caller.team());
    }
    if (grant.forProduct() != null) {
      return caller.maintains(ProductRef.parse(grant.forProduct()).domain());
    }
    return grant.requester().equals(caller.user());
  }

  private List<String> judge(DataProduct product, AccessRequest request, String approver) {
    String team = store.user(request.requester()).map(User::team).orElse(null);
    AccessView view = new AccessView(request.requester(), team, request.purpose(), request.pii(),
        LocalDate.ofInstant(request.expiresAt(), ZoneOffset.UTC), request.forTeam(), request.forProduct(),
        product.spec().classification(), approver);
    return governance.settle("DataProduct", product.id(), Policy.Event.ACCESS,
            policies.evaluate(registry.policies(), Policy.Event.ACCESS, product, Map.of("access", view.toMap())))
        .stream().filter(PolicyEngine.Evaluation::blocks)
        .map(e -> "policy " + e.policy().metadata().name() + ": " + e.message())
        .collect(Collectors.toList());
  }

  private AccessRequest reportDecision(AccessRequest decided) {
    metrics.accessRequest(decided.status().toString());
    if (decided.timeToAccess() != null) {
      metrics.timeToAccess(decided.timeToAccess());
    }
    return decided;
  }

  /** Now, to the microsecond that stores keep, so that a request returned equals the request stored. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private void checkBeneficiary(Principal caller, AccessAsk ask, String what) {
    if (ask.forTeam() != null && ask.forProduct() != null) {
      throw new InvalidException(what + "a grant is for a team or for a product, not both");
    }
    if (ask.forTeam() != null) {
      Optional<Team> team = store.team(ask.forTeam());
      if (team.isEmpty()) {
        throw new NotFoundException(what + "no team " + ask.forTeam() + " on this platform");
      }
      if (!caller.admin() && !ask.forTeam().equals(caller.team())) {
        throw new DeniedException("user " + caller.user() + " may not request access for team " + ask.forTeam()
            + ": only its members, or a platform admin");
      }
    }
    if (ask.forProduct() != null) {
      if (registry.product(ask.forProduct()).isEmpty()) {
        throw new NotFoundException(what + "no product " + ask.forProduct() + " on this platform to read it");
      }
      caller.requireDomain(ask.forProduct().domain(), "request access for product " + ask.forProduct());
    }
  }

  private static Instant expiry(String what, LocalDate until, Instant now) {
    if (until == null) {
      return now.plus(DEFAULT_TERM);
    }
    Instant end = until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (!end.isAfter(now) || !until.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
      throw new InvalidException(what + "until " + until + " is not after today (" + LocalDate.ofInstant(now, ZoneOffset.UTC) + ")");
    }
    return end;
  }

  private AccessRequest pending(String id, String verb) {
    AccessRequest request = find(id, verb);
    if (request.status() != AccessRequest.Status.PENDING) {
      throw new ConflictException("cannot " + verb + " " + id + ": it is " + request.status() + " already");
    }
    return request;
  }

  private AccessRequest find(String id, String verb) {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot " + verb + " an access request: its id is missing");
    }
    return store.accessRequest(id).orElseThrow(() -> new NotFoundException(
        "cannot " + verb + " " + id + ": no such access request"));
  }

  private DataProduct productOf(AccessRequest request, String verb) {
    return registry.product(ProductRef.parse(request.product())).orElseThrow(() -> new NotFoundException(
        "cannot " + verb + " " + request.id() + ": product " + request.product() + " is no longer on this platform"));
  }

  private static void requireDecider(Principal caller, AccessRequest request, String verb) {
    if (mayDecide(caller, request)) {
      return;
    }
    String domain = ProductRef.parse(request.product()).domain();
    String who = Access.Approval.GOVERNANCE.toString().equals(request.approval()) ? "only a platform admin"
        : "only owners and members of domain " + domain + ", or a platform admin";
    throw new DeniedException("user " + caller.user() + " may not " + verb + " " + request.id() + " ("
        + request.product() + "): " + who);
  }

  private static boolean mayDecide(Principal caller, AccessRequest request) {
    if (Access.Approval.GOVERNANCE.toString().equals(request.approval())) {
      return caller.admin();
    }
    return caller.maintains(ProductRef.parse(request.product()).domain());
  }

  private static boolean visible(Principal caller, AccessRequest request) {
    return caller.user().equals(request.requester()) || caller.maintains(ProductRef.parse(request.product()).domain());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
