package dev.meshwork.core.policy;

import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.Metadata;
import dev.meshwork.spec.Sla;
import dev.meshwork.spec.quality.QualityRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of the {@code product} variable: the product as its spec writes it, with defaults
 * filled in ({@code protection: none}, {@code access.approval} from the classification). Fields
 * a spec leaves out are absent, so {@code has(product.spec.sla)} tells whether one was written.
 */
final class ProductView {

  private ProductView() {}

  static Map<String, Object> of(DataProduct product) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("apiVersion", "meshwork/v1");
    view.put("kind", "DataProduct");
    view.put("metadata", metadata(product.metadata()));
    DataProduct.Spec spec = product.spec();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", spec.version());
    body.put("classification", spec.classification().name());
    body.put("containsPII", spec.containsPII());
    body.put("retentionDays", (long) spec.retentionDays());
    body.put("inputs", spec.inputs().stream().map(ProductView::input).toList());
    Map<String, Object> transform = new LinkedHashMap<>();
    transform.put("sql", spec.transform().sql());
    put(transform, "sqlFile", spec.transform().sqlFile());
    put(transform, "partitionBy", spec.transform().partitionBy());
    body.put("transform", transform);
    body.put("schema", spec.schema().stream().map(ProductView::column).toList());
    if (!spec.quality().isEmpty()) {
      body.put("quality", spec.quality().stream().map(ProductView::rule).toList());
    }
    if (spec.sla() != null) {
      body.put("sla", sla(spec.sla()));
    }
    if (spec.schedule() != null) {
      body.put("schedule", spec.schedule().toString());
    }
    body.put("outputPorts", spec.outputPorts().stream().map(port -> (Object) Map.of("type", port.type().toString())).toList());
    body.put("access", Map.of("approval", spec.access().approval().toString()));
    body.put("changelog", spec.changelog().stream().map(entry -> (Object) Map.of("version", entry.version())).toList());
    if (spec.declassification() != null) {
      body.put("declassification", Map.of("justification", spec.declassification().justification()));
    }
    put(body, "readme", spec.readme());
    put(body, "readmeFile", spec.readmeFile());
    view.put("spec", body);
    return view;
  }

  private static Map<String, Object> metadata(Metadata metadata) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", metadata.name());
    put(view, "domain", metadata.domain());
    put(view, "title", metadata.title());
    put(view, "owner", metadata.owner());
    put(view, "description", metadata.description());
    view.put("tags", metadata.tags() == null ? List.of() : metadata.tags());
    return view;
  }

  private static Object input(Input input) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", input.name());
    if (input instanceof Input.FromSource source) {
      view.put("source", source.source());
      view.put("tables", source.tables());
    } else {
      Input.FromProduct upstream = (Input.FromProduct) input;
      view.put("product", upstream.product().toString());
      put(view, "version", upstream.version());
    }
    return view;
  }

  private static Object column(Column column) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", column.name());
    view.put("type", column.type().toString());
    view.put("required", column.required());
    view.put("unique", column.unique());
    view.put("primaryKey", column.primaryKey());
    put(view, "description", column.description());
    view.put("enum", column.enumValues());
    view.put("pii", column.pii());
    view.put("protection", column.protection() == null ? "none" : column.protection().toString());
    return view;
  }

  private static Object rule(QualityRule rule) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("rule", rule.check().type().toString());
    view.put("columns", new ArrayList<>(rule.check().columns()));
    view.put("severity", rule.severity().toString());
    return view;
  }

  private static Map<String, Object> sla(Sla sla) {
    Map<String, Object> view = new LinkedHashMap<>();
    if (sla.freshness() != null) {
      view.put("freshness", sla.freshness().toString());
    }
    if (sla.availability() != null) {
      view.put("availability", sla.availability().value().doubleValue());
    }
    if (sla.qualityScore() != null) {
      view.put("qualityScore", sla.qualityScore().value().doubleValue());
    }
    return view;
  }

  private static void put(Map<String, Object> view, String key, Object value) {
    if (value != null) {
      view.put(key, value);
    }
  }
}
