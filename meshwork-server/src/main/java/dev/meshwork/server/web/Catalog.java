package dev.meshwork.server.web;

import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.access.AccessFilter;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.ops.ProductDescription;
import dev.meshwork.core.ops.ProductStatus;
import dev.meshwork.core.ops.ProductSummary;
import dev.meshwork.core.ops.SearchHit;
import dev.meshwork.core.schedule.FreshnessRule;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.Rows;
import dev.meshwork.core.spi.StateChange;
import dev.meshwork.server.web.Views.ProductCard;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Sla;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.MeshException;
import dev.meshwork.spec.error.NotFoundException;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The catalog's pages: search, products, domains, the dashboard and the user's own page, and their forms. */
final class Catalog {

  static final int SAMPLE_ROWS = 10;
  /** The most hits a search shows (over its pages): beyond, the words match too loosely to help. */
  private static final int SEARCH_LIMIT = 1000;
  /** How many cards a page of results shows. */
  static final int PAGE_SIZE = 50;

  private final Templates templates;
  private final Function<ProductRef, List<StateChange>> stateChanges;
  private final Clock clock;

  Catalog(Templates templates, Function<ProductRef, List<StateChange>> stateChanges, Clock clock) {
    this.templates = templates;
    this.stateChanges = stateChanges;
    this.clock = clock;
  }

  void search(WebRequest request) {
    String query = request.query("q");
    Map<SearchFacets.Kind, String> filters = SearchFacets.filters(request::query);
    Operations ops = request.operations();
    Instant now = clock.instant();
    List<ProductCard> all = new ArrayList<>();
    if (query == null) {
      ops.products().forEach(p -> all.add(card(p, now)));
    } else {
      // the hits' cards, best hit first
      Map<String, Integer> rank = new HashMap<>();
      for (SearchHit hit : ops.search(query, SEARCH_LIMIT)) {
        rank.putIfAbsent(hit.product(), rank.size());
      }
      ProductCard[] hits = new ProductCard[rank.size()];
      for (ProductSummary product : ops.products()) {
        Integer at = rank.get(product.product().metadata().domain() + "." + product.product().metadata().name());
        if (at != null) {
          hits[at] = card(product, now);
        }
      }
      Arrays.stream(hits).filter(Objects::nonNull).forEach(all::add);
    }
    List<ProductCard> matching = all.stream().filter(c -> SearchFacets.matches(c, filters)).toList();
    Views.Paging paging = SearchFacets.paging(request.query("page"), matching.size(), PAGE_SIZE, query, filters);
    templates.render(request.context(), 200, "search.jte", request.page(query == null ? "Products" : "Search: " + query, "search"),
        new Views.SearchView(query, matching.subList(paging.from(), paging.to()),
            SearchFacets.facets(SearchFacets.Kind.DOMAIN, all, query, filters),
            SearchFacets.facets(SearchFacets.Kind.CLASSIFICATION, all, query, filters),
            SearchFacets.facets(SearchFacets.Kind.TAG, all, query, filters),
            SearchFacets.facets(SearchFacets.Kind.FRESHNESS, all, query, filters),
            SearchFacets.facets(SearchFacets.Kind.QUALITY, all, query, filters), SearchFacets.describe(filters),
            matching.size(), paging, query != null && all.size() >= SEARCH_LIMIT ? SEARCH_LIMIT : 0));
  }

  void product(WebRequest request) {
    ProductRef ref = ref(request.context().pathParam("ref"));
    Operations ops = request.operations();
    ProductDescription description = ops.describe(ref);
    Views.ProductView view = ProductPage.view(description, card(description, clock.instant()), ops,
        sample(ops, ref), ops.accessRequests(new AccessFilter(ref, null, AccessFilter.View.MINE, 20)),
        stateChanges.apply(ref), ops.accessRequests(AccessFilter.grants(ref,
            AccessFilter.View.VISIBLE, 100)), clock.instant());
    templates.render(request.context(), 200, "product.jte", request.page(view.card().title(), "search"), view);
  }

  void domain(WebRequest request) {
    String name = request.context().pathParam("name");
    Instant now = clock.instant();
    List<ProductCard> products = new ArrayList<>();
    for (ProductSummary product : request.operations().products()) {
      if (product.product().metadata().domain().equals(name)) {
        products.add(card(product, now));
      }
    }
    if (products.isEmpty()) {
      throw new NotFoundException("cannot show domain " + name + ": no product of this platform is in it");
    }
    long freshCount = products.stream().filter(p -> p.freshness().equals("fresh")).count();
    long late = products.stream().filter(p -> p.freshness().equals("late")).count();
    templates.render(request.context(), 200, "domain.jte", request.page("Domain " + name, "search"),
        new Views.DomainView(name, products, freshCount, late, Dashboard.average(products)));
  }

  void dashboard(WebRequest request) {
    Operations ops = request.operations();
    Instant now = clock.instant();
    List<ProductCard> products = ops.products().stream().map(p -> card(p, now)).toList();
    templates.render(request.context(), 200, "dashboard.jte", request.page("Dashboard", "dashboard"),
        Dashboard.view(ops, products, clock));
  }

  void me(WebRequest request) {
    Operations ops = request.operations();
    List<AccessRequest> mine = ops.accessRequests(new AccessFilter(null, null, AccessFilter.View.MINE, 100));
    List<AccessRequest> grants = ops.accessRequests(AccessFilter.grants(null, AccessFilter.View.MINE, 100));
    List<AccessRequest> toDecide = ops.accessRequests(
        new AccessFilter(null, AccessRequest.Status.PENDING, AccessFilter.View.TO_DECIDE, 100));
    templates.render(request.context(), 200, "me.jte", request.page("My access", "me"),
        new Views.MeView(request.session().principal(), grants, mine, toDecide));
  }

  void requestAccess(WebRequest request) {
    ProductRef ref = ref(request.context().pathParam("ref"));
    String purpose = request.requireForm("purpose", "request access to " + ref);
    String until = request.form("until");
    LocalDate day;
    try {
      day = until == null ? null : LocalDate.parse(until);
    } catch (DateTimeParseException e) {
      throw new InvalidException("cannot request access to " + ref + ": until '" + until + "' is not a day such as 2026-12-31");
    }
    request.operations().requestAccess(new AccessAsk(ref, purpose, request.form("pii") != null, day, null, null));
    request.context().redirect("/products/" + ref + "#access", HttpStatus.SEE_OTHER);
  }

  void approve(WebRequest request) {
    request.operations().approveAccess(request.context().pathParam("id"), request.form("note"));
    request.context().redirect("/me", HttpStatus.SEE_OTHER);
  }

  void reject(WebRequest request) {
    String id = request.context().pathParam("id");
    request.operations().rejectAccess(id, request.requireForm("reason", "reject " + id));
    request.context().redirect("/me", HttpStatus.SEE_OTHER);
  }

  void revoke(WebRequest request) {
    String id = request.context().pathParam("id");
    request.operations().revokeAccess(id, request.form("reason") == null ? "given up" : request.form("reason"));
    request.context().redirect("/me", HttpStatus.SEE_OTHER);
  }

  private static Views.SampleView sample(Operations ops, ProductRef ref) {
    try {
      Rows rows = ops.sample(ref, SAMPLE_ROWS);
      List<List<String>> text = new ArrayList<>();
      for (List<Object> row : rows.rows()) {
        text.add(row.stream().map(v -> v == null ? "" : String.valueOf(v)).toList());
      }
      return new Views.SampleView(rows.columns(), text, false, null);
    } catch (DeniedException e) {
      return new Views.SampleView(List.of(), List.of(), true, e.getMessage());
    } catch (MeshException e) {
      return new Views.SampleView(List.of(), List.of(), false, e.getMessage());
    }
  }

  /** A product's card at {@code now}, from its description. */
  static ProductCard card(ProductDescription description, Instant now) {
    ProductStatus status = description.status();
    return card(description.product(), status.qualityScore(), status.lastBuildStatus(), status.publishedAt(),
        description.appliedAt(), now);
  }

  /** A product's card at {@code now} from what a listing tells of it: the same card its description makes. */
  static ProductCard card(ProductSummary summary, Instant now) {
    return card(summary.product(), summary.qualityScore(), summary.lastBuildStatus(), summary.publishedAt(),
        summary.appliedAt(), now);
  }

  private static ProductCard card(DataProduct product, Double quality, BuildRecord.Status lastBuild, Instant publishedAt,
                                  Instant appliedAt, Instant now) {
    // the metadata's parts, not ref(), which checks the names again (a page makes thousands of cards)
    String ref = product.metadata().domain() + "." + product.metadata().name();
    String title = product.metadata().title() == null ? ref : product.metadata().title();
    return new ProductCard(ref, product.metadata().domain(), title, product.metadata().description(),
        product.spec().classification().name(), product.metadata().tags(), product.metadata().owner(), product.spec().version(),
        freshness(product, publishedAt, appliedAt, now), quality,
        lastBuild == null ? "never built" : lastBuild.name().toLowerCase(java.util.Locale.ROOT), publishedAt);
  }

  /**
   * Fresh or late against the product's freshness SLA at {@code now}, as the monitor tells it (from
   * the last publish, or from when it was applied if it never published); none without an SLA.
   */
  static String freshness(DataProduct product, Instant publishedAt, Instant appliedAt, Instant now) {
    Sla sla = product.spec().sla();
    if (sla == null || sla.freshness() == null) {
      return "none";
    }
    return now.isBefore(FreshnessRule.lateAt(sla.freshness(), publishedAt, appliedAt)) ? "fresh" : "late";
  }

  /** The first line of a description without its Markdown marks, shortened, for lists. */
  static String summary(String description) {
    if (description == null || description.isBlank()) {
      return "";
    }
    String text = description.strip();
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    String line = Markdown.text(text.substring(0, end));
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }

  private static ProductRef ref(String text) {
    try {
      return ProductRef.parse(text);
    } catch (InvalidException e) {
      throw new NotFoundException("cannot show product " + text + ": there is no such product");
    }
  }
}
