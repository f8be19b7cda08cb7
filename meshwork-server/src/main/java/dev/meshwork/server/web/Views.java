package dev.meshwork.server.web;

import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.core.identity.Principal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The models the catalog's templates render: plain values, already worked out. */
public final class Views {

  private Views() {}

  /** A product at a glance, with its badges. {@code freshness} is fresh, late or none (no SLA). */
  public record ProductCard(String ref, String domain, String title, String description, String classification,
                            List<String> tags, String owner, String version, String freshness, Double quality,
                            String lastBuild, Instant publishedAt) {
    public String href() {
      return "/products/" + ref;
    }

    /** The description's first line, as words; worked out only for the cards a page shows. */
    public String summary() {
      return Catalog.summary(description);
    }

    /** The search for the products with a tag. */
    public String tagHref(String tag) {
      return "/search?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
    }

    public String qualityText() {
      return quality == null ? "no score" : Math.round(quality) + "%";
    }

    public String qualityBadge() {
      return quality == null ? "none" : quality >= 95 ? "good" : quality >= 80 ? "warn" : "bad";
    }
  }

  /** A facet value with how many results have it and the link that narrows to it (or widens back). */
  public record Facet(String value, long count, String href, boolean active) {}

  /**
   * A page of results: {@code products} are those of the page, {@code total} how many match in
   * all (which the facets count).
   */
  public record SearchView(String query, List<ProductCard> products, List<Facet> domains,
                           List<Facet> classifications, List<Facet> tags, List<Facet> freshness,
                           List<Facet> quality, String filter, int total, Paging paging, int cappedAt) {

    /** Whether the search stopped at its most hits, {@code cappedAt} (0 when it did not). */
    public boolean capped() {
      return cappedAt > 0;
    }
  }

  /**
   * Which page of the results shows ({@code page} of {@code pages}, from 1): the results from
   * {@code from} (inclusive) to {@code to} (exclusive), and the links to the pages before and
   * after it (null at either end).
   */
  public record Paging(int page, int pages, int from, int to, String previousHref, String nextHref) {
    public boolean paged() {
      return pages > 1;
    }
  }

  public record ColumnView(String name, String type, String constraints, boolean pii, String protection,
                           String description) {}

  /** A quality rule of the contract and its latest result: passed, failed, or not run. */
  public record RuleView(String name, String severity, String description, String result, String measured,
                         String threshold) {}

  public record PortView(String type, String detail) {}

  /** A lineage neighbour: a product (with its page) or a source (no page). */
  public record LinkView(String label, String href) {}

  /**
   * A lineage node at (x, y) in the graph: {@code kind} is self, product or source; {@code title}
   * the full entry ("product shop.sales"), {@code href} its page (null for sources).
   */
  public record GraphNode(String label, String title, String href, int x, int y, String kind) {
    public int textX() {
      return x + LineageGraph.NODE_WIDTH / 2;
    }

    public int textY() {
      return y + LineageGraph.NODE_HEIGHT / 2 + 5;
    }
  }

  public record GraphEdge(int x1, int y1, int x2, int y2) {}

  /** The lineage at any depth as an SVG graph, with the nodes on each side as text too. */
  public record GraphView(int width, int height, List<GraphNode> nodes, List<GraphEdge> edges,
                          List<LinkView> upstream, List<LinkView> downstream) {
    public int nodeWidth() {
      return LineageGraph.NODE_WIDTH;
    }

    public int nodeHeight() {
      return LineageGraph.NODE_HEIGHT;
    }
  }

  /** A bar of a chart, with the text a pointer or a screen reader gets; {@code badge} good, warn or bad. */
  public record Bar(int x, int y, int width, int height, String badge, String title) {}

  /** A bar chart of scores from 0 to 100, with a title saying what it shows. */
  public record ChartView(int width, int height, String title, List<Bar> bars) {
    public int left() {
      return QualityChart.LEFT;
    }

    public int top() {
      return QualityChart.TOP;
    }

    /** The y of a score (the axis' 0, 50 and 100 lines). */
    public int y(int score) {
      return QualityChart.TOP + QualityChart.PLOT_HEIGHT - score * QualityChart.PLOT_HEIGHT / 100;
    }
  }

  /** A recorded change of freshness: from which state to which, when, and why. */
  public record StateRow(String at, String from, String to, String detail) {}

  /** Sample rows as the viewer may read them, or why they cannot. */
  public record SampleView(List<String> columns, List<List<String>> rows, boolean denied, String message) {}

  /** A product's page; {@code readmeHtml} is empty when the product has no README. */
  public record ProductView(ProductCard card, String descriptionHtml, String readmeHtml, String approval,
                            boolean containsPii, String sla, List<ColumnView> columns, List<RuleView> rules,
                            List<BuildRecord> publishes, List<PortView> ports, String sql, String location,
                            String apiUrl, SampleView sample, GraphView lineage, ChartView qualityChart,
                            List<StateRow> freshnessHistory, List<AccessRequest> grants, List<LinkView> readers,
                            List<dev.meshwork.spec.ChangelogEntry> changelog, List<PolicyResult> policies,
                            List<AccessRequest> myRequests, AccessOffer offer) {}

  /**
   * What the viewer may still ask for: {@code standing} says what they hold or wait for (null when
   * nothing), {@code form} whether to offer the request form, {@code piiOnly} whether it can only
   * ask for the PII in clear (they hold, or wait for, access with PII masked).
   */
  public record AccessOffer(String standing, boolean form, boolean piiOnly) {}

  public record DomainView(String name, List<ProductCard> products, long fresh, long late, String quality) {}

  public record DomainStats(String domain, long products, long fresh, long late, long noSla, String quality) {

    /** The share of the domain's products with a freshness SLA that meet it now, or "-" when none has one. */
    public String slaMet() {
      return fresh + late == 0 ? "-" : Math.round(100.0 * fresh / (fresh + late)) + "%";
    }
  }

  public record Count(String label, long count) {}

  public record DashboardView(List<DomainStats> domains, List<Count> policyOutcomes, List<Count> violations,
                              List<Waiver> waivers, List<Count> requests, String medianTimeToAccess,
                              List<BuildDay> buildDays, BuildsChartView buildsChart) {

    /** The days that had builds, for the table beside the chart. */
    public List<BuildDay> daysWithBuilds() {
      return buildDays.stream().filter(d -> d.published() + d.failed() > 0).toList();
    }
  }

  /** The builds of every product on a day: published, and failed or interrupted. */
  public record BuildDay(String day, long published, long failed) {}

  /** A label at (x, y): a value on the axis, or a day under its bar. */
  public record Tick(int x, int y, String label) {}

  /** Stacked bars of the builds per day, with the axis' values and the days under the bars. */
  public record BuildsChartView(int width, int height, String title, List<Bar> bars, List<Tick> ticks,
                                List<Tick> days) {
    public int left() {
      return BuildsChart.LEFT;
    }
  }

  public record MeView(Principal user, List<AccessRequest> grants, List<AccessRequest> requests,
                       List<AccessRequest> toDecide) {}
}
