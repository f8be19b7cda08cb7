package dev.meshwork.iceberg;

import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.error.InvalidException;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.apache.iceberg.expressions.Literal;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Meshwork's column types as Iceberg types and back, and partition values from their text. */
final class IcebergTypes {

  private IcebergTypes() {}

  /** The Iceberg type of {@code type}; {@code ids} numbers the element of a list. */
  static Type toIceberg(ColumnType type, IntSupplier ids) {
    return switch (type.base()) {
      case STRING, JSON -> Types.StringType.get();
      case BOOLEAN -> Types.BooleanType.get();
      case INT32 -> Types.IntegerType.get();
      case INT64 -> Types.LongType.get();
      case FLOAT32 -> Types.FloatType.get();
      case FLOAT64 -> Types.DoubleType.get();
      case DECIMAL -> Types.DecimalType.of(type.precision(), type.scale());
      case DATE -> Types.DateType.get();
      case TIME -> Types.TimeType.get();
      case TIMESTAMP -> Types.TimestampType.withoutZone();
      case TIMESTAMPTZ -> Types.TimestampType.withZone();
      case UUID -> Types.UUIDType.get();
      case BYTES -> Types.BinaryType.get();
      case LIST -> Types.ListType.ofOptional(ids.getAsInt(), toIceberg(type.element(), ids));
    };
  }

  /** How an Iceberg type is written in a contract, for messages. */
  static String contractName(Type type) {
    switch (type.typeId()) {
      case INTEGER:
        return "int32";
      case LONG:
        return "int64";
      case FLOAT:
        return "float32";
      case DOUBLE:
        return "float64";
      case BINARY:
        return "bytes";
      case TIMESTAMP:
        return ((Types.TimestampType) type).shouldAdjustToUTC() ? "timestamptz" : "timestamp";
      case DECIMAL:
        Types.DecimalType decimal = (Types.DecimalType) type;
        return "decimal(" + decimal.precision() + "," + decimal.scale() + ")";
      case LIST:
        return "list<" + contractName(type.asListType().elementType()) + ">";
      default:
        return type.typeId().name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether a column of type {@code from} can become {@code to} without rewriting data. */
  static boolean canWiden(Type from, Type to) {
    if (from.typeId() == Type.TypeID.INTEGER) {
      return to.typeId() == Type.TypeID.LONG;
    }
    if (from.typeId() == Type.TypeID.FLOAT) {
      return to.typeId() == Type.TypeID.DOUBLE;
    }
    if (from.typeId() == Type.TypeID.DECIMAL && to.typeId() == Type.TypeID.DECIMAL) {
      Types.DecimalType before = (Types.DecimalType) from;
      Types.DecimalType after = (Types.DecimalType) to;
      return before.scale() == after.scale() && before.precision() < after.precision();
    }
    return false;
  }

  /**
   * The value of a partition from its text as the engine writes it ({@code 2026-11-20},
   * {@code 42}, {@code 2026-11-20 08:00:00+00}), in Iceberg's representation of {@code type}.
   */
  static Object partitionValue(String text, Type type, String column) {
    try {
      Object value = parse(text.trim(), type);
      if (value != null) {
        return value;
      }
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      // reported below
    }
    throw new InvalidException("'" + text + "' is not a " + contractName(type) + " value of partition column " + column);
  }

  private static Object parse(String text, Type type) {
    switch (type.typeId()) {
      case BOOLEAN:
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          return null;
        }
        return Boolean.parseBoolean(text);
      case INTEGER:
        return Integer.parseInt(text);
      case LONG:
        return Long.parseLong(text);
      case FLOAT:
        return Float.parseFloat(text);
      case DOUBLE:
        return Double.parseDouble(text);
      case DECIMAL:
        return new java.math.BigDecimal(text).setScale(((Types.DecimalType) type).scale());
      default:
        String iso = type.typeId() == Type.TypeID.TIMESTAMP ? isoTimestamp(text) : text;
        Literal<?> literal = Literal.of(iso).to(type);
        return literal == null ? null : literal.value();
    }
  }

  /** {@code 2026-11-20 08:00:00+00} as ISO-8601: {@code 2026-11-20T08:00:00+00:00}. */
  private static String isoTimestamp(String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    return iso.matches(".*[+-]\\d\\d") ? iso + ":00" : iso;
  }
}
