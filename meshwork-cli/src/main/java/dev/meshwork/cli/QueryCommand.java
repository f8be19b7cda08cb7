package dev.meshwork.cli;

import dev.meshwork.core.spi.Rows;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh query "SQL"}: SQL over the published products, named domain.name. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Run SQL over the products' published snapshots; a product is the table domain.name,",
        "e.g. mesh query \"SELECT status, count(*) FROM orders.daily GROUP BY 1\"."})
final class QueryCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SQL", description = "The query.")
  String sql;

  @Option(names = "--max-rows", defaultValue = "100", description = "Rows to show at most (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Override
  public Integer call() {
    Rows rows;
    try (Connection connection = mesh.connect()) {
      rows = connection.operations().query(sql, maxRows);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      List<Map<String, Object>> objects = new ArrayList<>();
      for (List<Object> row : rows.rows()) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < rows.columns().size(); i++) {
          Object value = row.get(i);
          object.put(rows.columns().get(i), value instanceof Number || value instanceof Boolean || value == null ? value : value.toString());
        }
        objects.add(object);
      }
      out.println(Output.json(Map.of("columns", rows.columns(), "rows", objects, "truncated", rows.truncated())));
      return ExitCodes.OK;
    }
    List<List<String>> table = new ArrayList<>();
    table.add(rows.columns());
    for (List<Object> row : rows.rows()) {
      table.add(row.stream().map(v -> v == null ? "NULL" : v.toString()).toList());
    }
    out.println(Text.table(table));
    out.println("(" + rows.rows().size() + " row" + (rows.rows().size() == 1 ? "" : "s")
        + (rows.truncated() ? "; more not shown, raise --max-rows" : "") + ")");
    return ExitCodes.OK;
  }
}
