package dev.meshwork.examples;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds every product of a mesh the way the platform will, upstream products first, each in a
 * fresh DuckDB: inputs as relations, the transform SQL, then the audit of the result.
 */
final class MeshBuild {

  private final Map<String, DataProduct> products = new LinkedHashMap<>();
  private final Inputs inputs;
  private final List<String> built = new ArrayList<>();

  MeshBuild(Path examples, String serverUrl, Path work) throws IOException {
    Map<String, Inputs.SourceFile> files = new HashMap<>();
    for (LoadedResource loaded : new Loader(examples).load(List.of(examples)).resources()) {
      if (loaded.resource() instanceof DataProduct product) {
        products.put(product.ref().toString(), product);
      } else if (loaded.resource() instanceof Source source && source.spec().type() == Source.Type.FILES) {
        files.put(source.metadata().name(), new Inputs.SourceFile(source, loaded.path().getParent()));
      }
    }
    Path built = Files.createDirectories(work.resolve("built"));
    this.inputs = new Inputs(files, serverUrl, Files.createDirectories(work.resolve("copies")), built);
  }

  /** The products of the mesh, each after the products it reads. */
  List<String> order() {
    List<String> order = new ArrayList<>();
    products.keySet().forEach(ref -> visit(ref, order));
    return order;
  }

  private void visit(String ref, List<String> order) {
    if (order.contains(ref)) {
      return;
    }
    for (Input input : products.get(ref).spec().inputs()) {
      if (input instanceof Input.FromProduct upstream) {
        visit(upstream.product().toString(), order);
      }
    }
    order.add(ref);
  }

  List<Outcome> buildAll() throws SQLException, IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (String ref : order()) {
      outcomes.addAll(build(products.get(ref)));
      built.add(ref);
    }
    return outcomes;
  }

  List<String> built() {
    return List.copyOf(built);
  }

  Path builtFile(String ref) {
    return inputs.builtFile(ref);
  }

  private List<Outcome> build(DataProduct product) throws SQLException, IOException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      Inputs.execute(duck, "SET TimeZone = 'UTC'");
      for (Input input : product.spec().inputs()) {
        inputs.attach(duck, input);
      }
      String sql = product.spec().transform().sql().strip();
      sql = sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
      Inputs.execute(duck, "CREATE TABLE " + Audit.TABLE + " AS\n" + sql);
      Path file = inputs.builtFile(product.ref().toString());
      Inputs.execute(duck, "COPY " + Audit.TABLE + " TO '" + file + "' (FORMAT parquet)");
      return Audit.of(duck, product, Instant.now(), inputs);
    }
  }
}
