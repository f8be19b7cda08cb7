package dev.meshwork.iceberg;

import dev.meshwork.core.spi.DataFile;
import dev.meshwork.spec.error.InvalidException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Iceberg metrics from the statistics the engine reported when it wrote a file, which spares
 * reading every footer back. Bounds are kept only for types whose order the engine and Iceberg
 * agree on, and strings short enough not to need truncating.
 */
final class FileMetrics {

  private static final Set<Type.TypeID> BOUNDED = Set.of(Type.TypeID.BOOLEAN, Type.TypeID.INTEGER, Type.TypeID.LONG,
      Type.TypeID.DATE, Type.TypeID.TIMESTAMP, Type.TypeID.DECIMAL, Type.TypeID.STRING);
  private static final int MAX_STRING_BOUND = 16;

  private FileMetrics() {}

  static Metrics of(Schema schema, DataFile file) {
    Map<Integer, Long> sizes = new HashMap<>();
    Map<Integer, Long> values = new HashMap<>();
    Map<Integer, Long> nulls = new HashMap<>();
    Map<Integer, ByteBuffer> lower = new HashMap<>();
    Map<Integer, ByteBuffer> upper = new HashMap<>();
    for (Map.Entry<String, DataFile.ColumnStats> entry : file.columns().entrySet()) {
      Types.NestedField field = schema.findField(entry.getKey());
      if (field == null || !field.type().isPrimitiveType()) {
        continue;
      }
      DataFile.ColumnStats stats = entry.getValue();
      int id = field.fieldId();
      putCount(sizes, id, stats.bytes());
      putCount(values, id, stats.values());
      putCount(nulls, id, stats.nulls());
      bound(lower, field, stats.min());
      bound(upper, field, stats.max());
    }
    return new Metrics(file.rows(), sizes, values, nulls, null, lower, upper);
  }

  private static void putCount(Map<Integer, Long> counts, int id, long count) {
    if (count >= 0) {
      counts.put(id, count);
    }
  }

  private static void bound(Map<Integer, ByteBuffer> bounds, Types.NestedField field, String text) {
    Type type = field.type();
    if (text == null || !BOUNDED.contains(type.typeId())
        || type.typeId() == Type.TypeID.STRING && text.length() > MAX_STRING_BOUND) {
      return;
    }
    try {
      bounds.put(field.fieldId(), Conversions.toByteBuffer(type, IcebergTypes.partitionValue(text, type, field.name())));
    } catch (InvalidException | IllegalArgumentException e) {
      // a bound is only a hint for readers: without it they read the file
    }
  }
}
