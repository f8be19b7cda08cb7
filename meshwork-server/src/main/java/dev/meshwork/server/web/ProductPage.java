package dev.meshwork.server.web;

import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.ops.ProductDescription;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.StateChange;
import dev.meshwork.server.web.Views.ColumnView;
import dev.meshwork.server.web.Views.PortView;
import dev.meshwork.server.web.Views.RuleView;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.OutputPort;
import dev.meshwork.spec.quality.QualityRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A product's page: its contract, health, how to read it and what the viewer may see of it. */
final class ProductPage {

  /** How many levels a README's headings go down: its h1 shows as an h3, under the page's h2 "README". */
  private static final int README_HEADINGS = 2;

  private ProductPage() {}

  static Views.ProductView view(ProductDescription description, Views.ProductCard card, Operations ops,
                                Views.SampleView sample, List<AccessRequest> myRequests,
                                List<StateChange> stateChanges, List<AccessRequest> grants, Instant now) {
    DataProduct product = description.product();
    String ref = product.ref().toString();
    List<ColumnView> columns = new ArrayList<>();
    for (Column column : product.spec().schema()) {
      columns.add(new ColumnView(column.name(), column.type().toString(), constraints(column), column.pii(),
          column.protection() == null ? "" : column.protection().toString(),
          column.description() == null ? "" : column.description()));
    }
    List<PortView> ports = new ArrayList<>();
    for (OutputPort port : product.spec().outputPorts()) {
      String detail = port.format() != null ? port.format().toString()
          : port.topic() != null ? "topic " + port.topic() : "";
      ports.add(new PortView(port.type().toString(),
          detail + (port.description() == null ? "" : (detail.isEmpty() ? "" : ": ") + port.description())));
    }
    String sla = product.spec().sla() == null || product.spec().sla().freshness() == null ? "none"
        : product.spec().sla().freshness().toString();
    return new Views.ProductView(card, Markdown.html(product.metadata().description()),
        Markdown.html(product.spec().readme(), README_HEADINGS), product.spec().access().approval().toString(),
        product.spec().containsPII(), sla, columns,
        rules(product, description.lastPublish()), ops.history(product.ref(), 10), ports,
        "SELECT * FROM " + ref + " LIMIT 100", description.location(), "/api/v1/products/" + ref + "/rows",
        sample, LineageGraph.of(ops, description),
        QualityChart.of(ops.history(product.ref(), QualityChart.PUBLISHES)), freshness(stateChanges), grants,
        readers(description.downstream()), product.spec().changelog(), ops.policyResults(ref, 20), myRequests,
        offer(myRequests, product.spec().containsPII(), now));
  }

  /**
   * What the viewer may still ask for, given their own requests (not those for a team or a
   * product): nothing more while a grant in force, or a pending request, covers the PII; only the
   * PII in clear while one covers the rest of a product holding PII.
   */
  static Views.AccessOffer offer(List<AccessRequest> myRequests, boolean containsPii, Instant now) {
    AccessRequest withPii = null;
    AccessRequest masked = null;
    for (AccessRequest request : myRequests) {
      boolean open = request.status() == AccessRequest.Status.PENDING || request.grantsAt(now);
      if (!open || request.forTeam() != null || request.forProduct() != null) {
        continue;
      }
      if (request.pii() && withPii == null) {
        withPii = request;
      } else if (!request.pii() && masked == null) {
        masked = request;
      }
    }
    if (withPii != null) {
      return new Views.AccessOffer(standing(withPii, "with the PII in clear"), false, false);
    }
    if (masked != null) {
      return new Views.AccessOffer(standing(masked, containsPii ? "with the PII masked" : null), containsPii, true);
    }
    return new Views.AccessOffer(null, true, false);
  }

  private static String standing(AccessRequest request, String pii) {
    String what = pii == null ? "" : " " + pii;
    return request.status() == AccessRequest.Status.PENDING
        ? "Your request" + what + " is waiting for a decision (" + request.approval() + ")."
        : "You hold a grant" + what + " until " + Format.time(request.expiresAt()) + ".";
  }

  private static List<RuleView> rules(DataProduct product, BuildRecord last) {
    List<RuleView> rules = new ArrayList<>();
    for (QualityRule rule : product.spec().quality()) {
      String name = rule.displayName();
      BuildRecord.RuleResult result = last == null ? null
          : last.quality().stream().filter(r -> r.rule().equals(name)).findFirst().orElse(null);
      rules.add(new RuleView(name, rule.severity().toString(), rule.description() == null ? "" : rule.description(),
          result == null ? "not run" : result.passed() ? "passed" : "failed",
          result == null || result.measured() == null ? "" : result.measured(),
          result == null || result.threshold() == null ? "" : result.threshold()));
    }
    return rules;
  }

  /** The products reading this one directly. */
  private static List<Views.LinkView> readers(List<String> downstream) {
    return downstream.stream().filter(entry -> entry.startsWith("product "))
        .map(entry -> entry.substring("product ".length()))
        .map(ref -> new Views.LinkView(ref, "/products/" + ref)).toList();
  }

  private static List<Views.StateRow> freshness(List<StateChange> changes) {
    List<Views.StateRow> rows = new ArrayList<>();
    for (StateChange change : changes) {
      if (change.aspect() == StateChange.Aspect.FRESHNESS) {
        rows.add(new Views.StateRow(Format.time(change.at()), change.from() == null ? "-" : lower(change.from()),
            lower(change.to()), change.detail() == null ? "" : change.detail()));
      }
    }
    return rows;
  }

  private static String lower(StateChange.State state) {
    return state.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String constraints(Column column) {
    List<String> parts = new ArrayList<>();
    if (column.primaryKey()) {
      parts.add("primary key");
    }
    if (column.required()) {
      parts.add("required");
    }
    if (column.unique()) {
      parts.add("unique");
    }
    if (!column.enumValues().isEmpty()) {
      parts.add("one of " + String.join(", ", column.enumValues()));
    }
    return String.join(", ", parts);
  }
}
