package dev.meshwork.core.build;

import dev.meshwork.core.spi.BuildRecord.InputRead;
import dev.meshwork.core.spi.BuildRecord.RuleResult;
import dev.meshwork.core.spi.EngineColumn;
import dev.meshwork.spec.Classification;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The value of the {@code build} variable that build policies judge: what the build produced,
 * before it is published. Field names follow the {@code build} type policies are checked against.
 */
final class BuildView {

  private BuildView() {}

  static Map<String, Object> of(long rows, long bytes, Double score, List<RuleResult> quality, List<InputRead> reads,
                                List<EngineColumn> schema, String scope, Classification classification,
                                Function<ProductRef, Optional<DataProduct>> products) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("rows", rows);
    view.put("bytes", bytes);
    view.put("qualityScore", score == null ? 100.0 : score);
    view.put("quality", quality.stream().map(BuildView::result).toList());
    view.put("inputs", reads.stream().map(read -> read(read, products)).toList());
    view.put("schema", schema.stream().map(c -> (Object) Map.of("name", c.name(),
        "type", c.type() == null ? c.engineType() : c.type().toString())).toList());
    view.put("scope", scope);
    view.put("classification", classification.name());
    return view;
  }

  private static Object result(RuleResult result) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("rule", result.rule());
    view.put("column", result.column() == null ? "" : result.column());
    view.put("severity", result.severity());
    view.put("passed", result.passed());
    view.put("measured", String.valueOf(result.measured()));
    view.put("threshold", String.valueOf(result.threshold()));
    return view;
  }

  private static Object read(InputRead read, Function<ProductRef, Optional<DataProduct>> products) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", read.input());
    view.put("source", read.source() == null ? "" : read.source());
    view.put("table", read.table() == null ? "" : read.table());
    view.put("product", read.product() == null ? "" : read.product().toString());
    view.put("version", read.version() == null ? "" : read.version());
    view.put("classification", read.product() == null ? ""
        : products.apply(read.product()).map(p -> p.spec().classification().name()).orElse(""));
    view.put("rows", read.rows());
    return view;
  }
}
