package dev.meshwork.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.access.AccessFilter;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.AuditFilter;
import dev.meshwork.core.ops.ApplyResult;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.ops.ProductDescription;
import dev.meshwork.core.ops.ProductStatus;
import dev.meshwork.core.ops.ProductSummary;
import dev.meshwork.core.ops.SearchHit;
import dev.meshwork.core.spi.BuildCount;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.Rows;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Problem;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations of a platform that {@code mesh serve} serves, over its REST API: each method is
 * one request to its route, sent with the API token, and answers with the same records the
 * in-process operations return. The server's errors become the same exceptions
 * ({@link RemoteErrors}); a failed build is a {@code FAILED} record, not an exception. Builds run
 * on the server while the call waits; the listener hears only each build's end.
 */
public final class RemoteOperations implements Operations {

  private static final TypeReference<List<BuildRecord>> BUILDS = new TypeReference<>() {};
  private static final TypeReference<List<ProductStatus>> STATUSES = new TypeReference<>() {};
  private static final TypeReference<List<SearchHit>> HITS = new TypeReference<>() {};
  private static final TypeReference<List<Waiver>> WAIVERS = new TypeReference<>() {};
  private static final TypeReference<List<PolicyResult>> RESULTS = new TypeReference<>() {};
  private static final TypeReference<List<RetentionRun>> RUNS = new TypeReference<>() {};
  private static final TypeReference<List<ApplyResult.Change>> CHANGES = new TypeReference<>() {};
  private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {};
  private static final TypeReference<List<AccessRequest>> REQUESTS = new TypeReference<>() {};
  private static final TypeReference<List<AuditEntry>> ENTRIES = new TypeReference<>() {};
  private static final TypeReference<List<ProductSummary>> SUMMARIES = new TypeReference<>() {};
  private static final TypeReference<List<BuildCount>> COUNTS = new TypeReference<>() {};

  private final Transport transport;

  /**
   * Operations on the platform at {@code url} ({@code http://host:port}), authenticated with
   * {@code token} (none when null).
   *
   * @throws InvalidException when {@code url} is not an http or https address
   */
  public RemoteOperations(String url, String token) {
    this(url, token, null);
  }

  /**
   * As above; {@code why} says why this server is the one called ("MESH_URL names it"), added to
   * the message when it cannot be reached.
   */
  public RemoteOperations(String url, String token, String why) {
    this.transport = new Transport(url, token, why);
  }

  /** The platform's address, as requests are sent to it. */
  public String url() {
    return transport.url();
  }

  /** The user the token belongs to, with their team and roles. */
  public Principal whoami() {
    return get("/api/v1/me", Principal.class);
  }

  @Override
  public ApplyResult apply(List<LoadedResource> resources) {
    if (resources.isEmpty()) {
      return new ApplyResult(List.of(), List.of());
    }
    ApplyDocuments documents = new ApplyDocuments(resources);
    JsonNode answer;
    try {
      answer = postYaml("/api/v1/resources", documents.text(), JsonNode.class);
    } catch (InvalidException e) {
      throw documents.locate(e);
    }
    return new ApplyResult(ClientJson.read(answer.path("changes"), CHANGES, "the changes applied"),
        documents.locate(ClientJson.read(answer.path("warnings"), PROBLEMS, "the warnings of the apply")));
  }

  @Override
  public List<BuildRecord> build(BuildRequest request, BuildListener listener) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("partition", request.partition());
    body.put("from", request.from());
    body.put("to", request.to());
    body.put("full", request.full());
    body.values().removeIf(value -> value == null);
    String path = request.product() == null ? "/api/v1/builds" : product(request.product()) + "/builds";
    Transport.Answer answer = transport.send(transport.json(path, body));
    JsonNode records = answer.status() == 422 && "build_failed".equals(RemoteErrors.text(answer.body(), "error"))
        ? answer.body().get("details") : transport.check(answer);
    List<BuildRecord> builds = records.isArray() ? ClientJson.read(records, BUILDS, "the build records")
        : List.of(ClientJson.read(records, BuildRecord.class, "the build record"));
    builds.forEach(listener::finished);
    return builds;
  }

  @Override
  public List<ProductStatus> status(ProductRef product) {
    if (product == null) {
      return get("/api/v1/products", STATUSES);
    }
    return List.of(get(product(product) + "/status", ProductStatus.class));
  }

  @Override
  public ProductDescription describe(ProductRef product) {
    return get(product(product), ProductDescription.class);
  }

  @Override
  public List<ProductSummary> products() {
    return get("/api/v1/catalog", SUMMARIES);
  }

  @Override
  public List<BuildCount> buildsPerDay(LocalDate since) {
    if (since == null) {
      throw new InvalidException("cannot count the builds per day: since is missing");
    }
    return get("/api/v1/catalog/builds-per-day?since=" + since, COUNTS);
  }

  @Override
  public List<SearchHit> search(String text, int limit) {
    return get("/api/v1/search?q=" + Transport.encode(text) + "&limit=" + limit, HITS);
  }

  @Override
  public Rows query(String sql, int maxRows) {
    if (sql == null || sql.isBlank()) {
      throw new InvalidException("the query is empty");
    }
    return post("/api/v1/query", Map.of("sql", sql, "maxRows", maxRows), Rows.class);
  }

  @Override
  public List<BuildRecord> history(ProductRef product, int limit) {
    return get(product(product) + "/builds?limit=" + limit, BUILDS);
  }

  /** Grants the waiver; the server records the caller as who granted it, whatever {@code grantedBy} says. */
  @Override
  public Waiver grantWaiver(String policy, ProductRef product, String justification, Instant expiresAt, String grantedBy) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policy", policy);
    body.put("product", product.toString());
    body.put("justification", justification);
    body.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
    return post("/api/v1/waivers", body, Waiver.class);
  }

  @Override
  public List<Waiver> waivers(boolean includeInactive) {
    return get("/api/v1/waivers?all=" + includeInactive, WAIVERS);
  }

  @Override
  public Waiver revokeWaiver(String waiverId) {
    return delete("/api/v1/waivers/" + Transport.encode(waiverId), Waiver.class);
  }

  @Override
  public List<PolicyResult> policyResults(String resourceId, int limit) {
    return get("/api/v1/policies/results?limit=" + limit + (resourceId == null ? "" : "&resource=" + Transport.encode(resourceId)),
        RESULTS);
  }

  /** Enforces retention now; over the API every run is {@code manual}, the other triggers are the platform's own. */
  @Override
  public List<RetentionRun> retention(Optional<ProductRef> product, String trigger) {
    if (!RetentionRun.TRIGGERS.contains(trigger)) {
      throw new InvalidException("cannot enforce retention: trigger '" + trigger + "' is not one of build, manual, schedule");
    }
    if (!RetentionRun.MANUAL.equals(trigger)) {
      throw new InvalidException("cannot enforce retention at " + url() + " with trigger '" + trigger
          + "': runs asked for over the API are manual");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    product.ifPresent(ref -> body.put("product", ref.toString()));
    return post("/api/v1/retention/runs", body, RUNS);
  }

  @Override
  public List<RetentionRun> retentionHistory(Optional<ProductRef> product, int limit) {
    return get("/api/v1/retention/runs?limit=" + limit
        + product.map(ref -> "&product=" + Transport.encode(ref.toString())).orElse(""), RUNS);
  }

  @Override
  public AccessRequest requestAccess(AccessAsk ask) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("product", ask.product() == null ? null : ask.product().toString());
    body.put("purpose", ask.purpose());
    body.put("pii", ask.pii());
    body.put("until", ask.until() == null ? null : ask.until().toString());
    body.put("forTeam", ask.forTeam());
    body.put("forProduct", ask.forProduct() == null ? null : ask.forProduct().toString());
    return post("/api/v1/access/requests", body, AccessRequest.class);
  }

  @Override
  public AccessRequest approveAccess(String id, String note) {
    return decide(id, "approve", "note", note);
  }

  @Override
  public AccessRequest rejectAccess(String id, String reason) {
    return decide(id, "reject", "reason", reason);
  }

  @Override
  public AccessRequest revokeAccess(String id, String reason) {
    return decide(id, "revoke", "reason", reason);
  }

  private AccessRequest decide(String id, String verb, String field, String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(field, text);
    return post(request(id) + "/" + verb, body, AccessRequest.class);
  }

  @Override
  public AccessRequest accessRequest(String id) {
    return get(request(id), AccessRequest.class);
  }

  @Override
  public List<AccessRequest> accessRequests(AccessFilter filter) {
    StringBuilder query = new StringBuilder((filter.inForce() ? "/api/v1/access/grants" : "/api/v1/access/requests")
        + "?limit=" + filter.limit() + "&view="
        + filter.view().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    if (filter.product() != null) {
      query.append("&product=").append(Transport.encode(filter.product().toString()));
    }
    if (filter.status() != null && !filter.inForce()) {
      query.append("&status=").append(filter.status());
    }
    return get(query.toString(), REQUESTS);
  }

  @Override
  public Rows sample(ProductRef product, int rows) {
    return get(product(product) + "/rows?limit=" + rows, Rows.class);
  }

  @Override
  public List<AuditEntry> audit(AuditFilter filter) {
    StringBuilder query = new StringBuilder("/api/v1/audit?limit=" + filter.limit());
    appendParameter(query, "actor", filter.actor());
    appendParameter(query, "action", filter.action());
    appendParameter(query, "resource", filter.resource());
    appendParameter(query, "since", filter.since() == null ? null : filter.since().toString());
    appendParameter(query, "until", filter.until() == null ? null : filter.until().toString());
    return get(query.toString(), ENTRIES);
  }

  private static void appendParameter(StringBuilder query, String name, String value) {
    if (value != null) {
      query.append('&').append(name).append('=').append(Transport.encode(value));
    }
  }

  private static String request(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot find an access request: its id is missing");
    }
    return "/api/v1/access/requests/" + Transport.encode(id);
  }

  private static String product(ProductRef product) {
    return "/api/v1/products/" + Transport.encode(product.toString());
  }

  // One helper per HTTP verb: send, turn an error answer into its exception (Transport.check), read the answer.

  private <T> T get(String path, Class<T> type) {
    return read(transport.send(transport.request(path).GET()), type);
  }

  private <T> T get(String path, TypeReference<T> type) {
    Transport.Answer answer = transport.send(transport.request(path).GET());
    return ClientJson.read(transport.check(answer), type, "the answer to " + answer.request());
  }

  private <T> T post(String path, Object body, Class<T> type) {
    return read(transport.send(transport.json(path, body)), type);
  }

  private <T> T post(String path, Object body, TypeReference<T> type) {
    Transport.Answer answer = transport.send(transport.json(path, body));
    return ClientJson.read(transport.check(answer), type, "the answer to " + answer.request());
  }

  private <T> T postYaml(String path, String yaml, Class<T> type) {
    return read(transport.send(transport.request(path).header("Content-Type", "application/yaml")
        .POST(HttpRequest.BodyPublishers.ofString(yaml))), type);
  }

  private <T> T delete(String path, Class<T> type) {
    return read(transport.send(transport.request(path).DELETE()), type);
  }

  private <T> T read(Transport.Answer answer, Class<T> type) {
    return ClientJson.read(transport.check(answer), type, "the answer to " + answer.request());
  }
}
