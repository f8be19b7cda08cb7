package dev.meshwork.iceberg;

import dev.meshwork.spec.Column;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.InvalidException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** A product's table schema and partitioning from its contract: for a new table, or evolved on an existing one. */
final class SchemaEvolution {

  private SchemaEvolution() {}

  /** The contract's columns, all optional (the audit enforces {@code required}). */
  static Schema schema(List<Column> columns) {
    AtomicInteger ids = new AtomicInteger();
    List<Types.NestedField> fields = new ArrayList<>();
    for (Column column : columns) {
      int id = ids.incrementAndGet();
      fields.add(Types.NestedField.optional(id, column.name(), IcebergTypes.toIceberg(column.type(), ids::incrementAndGet),
          column.description()));
    }
    return new Schema(fields);
  }

  static PartitionSpec spec(Schema schema, String partitionBy) {
    return partitionBy == null ? PartitionSpec.unpartitioned() : PartitionSpec.builderFor(schema).identity(partitionBy).build();
  }

  static void checkPartitionColumn(ProductRef product, List<Column> columns, String partitionBy) {
    if (partitionBy != null && columns.stream().noneMatch(column -> column.name().equals(partitionBy))) {
      throw new InvalidException("cannot prepare " + product + ": partition column " + partitionBy + " is not in its schema");
    }
  }

  /** Evolves {@code table} to {@code columns} and {@code partitionBy} in one commit (none when nothing changes). */
  static void evolve(Table table, ProductRef product, List<Column> columns, String partitionBy) {
    Schema schema = table.schema();
    List<Column> added = new ArrayList<>();
    List<Column> widened = new ArrayList<>();
    for (Column column : columns) {
      Types.NestedField existing = schema.findField(column.name());
      Type wanted = IcebergTypes.toIceberg(column.type(), () -> 0);
      if (existing == null) {
        added.add(column);
      } else if (!IcebergTypes.contractName(existing.type()).equals(IcebergTypes.contractName(wanted))) {
        if (!IcebergTypes.canWiden(existing.type(), wanted)) {
          throw new ConflictException("cannot change column " + column.name() + " of " + product + " from "
              + IcebergTypes.contractName(existing.type()) + " to " + column.type()
              + ": a column's type can only widen (int32 to int64, float32 to float64, decimal to a larger precision)");
        }
        widened.add(column);
      }
    }
    // a transaction takes one pending update at a time: each is made only when it has something to do
    Transaction transaction = table.newTransaction();
    boolean changed = false;
    List<String> wanted = names(columns);
    boolean reorder = !order(schema, columns).equals(wanted);
    if (!added.isEmpty() || !widened.isEmpty() || reorder) {
      UpdateSchema update = transaction.updateSchema();
      added.forEach(column -> update.addColumn(column.name(), IcebergTypes.toIceberg(column.type(), () -> 0), column.description()));
      widened.forEach(column -> update.updateColumn(column.name(), IcebergTypes.toIceberg(column.type(), () -> 0).asPrimitiveType()));
      if (reorder) {
        update.moveFirst(wanted.get(0));
        for (int i = 1; i < wanted.size(); i++) {
          update.moveAfter(wanted.get(i), wanted.get(i - 1));
        }
      }
      update.commit();
      changed = true;
    }
    String partitioned = partitionColumn(table.spec(), schema);
    if (!Objects.equals(partitioned, partitionBy)) {
      UpdatePartitionSpec spec = transaction.updateSpec();
      if (partitioned != null) {
        spec.removeField(partitionField(table.spec()).name());
      }
      if (partitionBy != null) {
        spec.addField(partitionBy);
      }
      spec.commit();
      changed = true;
    }
    List<String> dropped = schema.columns().stream().map(Types.NestedField::name)
        .filter(name -> columns.stream().noneMatch(column -> column.name().equals(name))).toList();
    if (!dropped.isEmpty()) {
      UpdateSchema drops = transaction.updateSchema();
      dropped.forEach(drops::deleteColumn);
      drops.commit();
      changed = true;
    }
    if (changed) {
      transaction.commitTransaction();
    }
  }

  /** The contract's columns in the order the table will have them without moves: kept ones as they are, then new ones. */
  private static List<String> order(Schema schema, List<Column> columns) {
    List<String> wanted = names(columns);
    List<String> order = new ArrayList<>(schema.columns().stream().map(Types.NestedField::name).filter(wanted::contains).toList());
    wanted.stream().filter(name -> !order.contains(name)).forEach(order::add);
    return order;
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }

  /** The source column of the spec's identity partition, or null. */
  static String partitionColumn(PartitionSpec spec, Schema schema) {
    PartitionField field = partitionField(spec);
    return field == null ? null : schema.findColumnName(field.sourceId());
  }

  static PartitionField partitionField(PartitionSpec spec) {
    return spec.fields().stream().filter(field -> field.transform().isIdentity()).findFirst().orElse(null);
  }

  static Map<String, Integer> fieldIds(Schema schema, List<Column> columns) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    columns.forEach(column -> ids.put(column.name(), schema.findField(column.name()).fieldId()));
    return ids;
  }
}
