package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's logical type. Parsed case-insensitively, with the aliases people write
 * ({@code integer}, {@code bigint}, {@code text}, {@code varchar(20)}, {@code double}, {@code int[]}).
 */
public record ColumnType(Base base, int precision, int scale, ColumnType element) {

  public static final int MAX_DECIMAL_PRECISION = 38;

  public enum Base {
    STRING, BOOLEAN, INT32, INT64, FLOAT32, FLOAT64, DECIMAL, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, UUID, BYTES, JSON, LIST
  }

  private static final Map<String, Base> NAMES = Map.ofEntries(
      Map.entry("string", Base.STRING), Map.entry("text", Base.STRING), Map.entry("varchar", Base.STRING),
      Map.entry("char", Base.STRING), Map.entry("str", Base.STRING), Map.entry("character varying", Base.STRING),
      Map.entry("boolean", Base.BOOLEAN), Map.entry("bool", Base.BOOLEAN),
      Map.entry("int32", Base.INT32), Map.entry("int", Base.INT32), Map.entry("integer", Base.INT32),
      Map.entry("int4", Base.INT32),
      Map.entry("int64", Base.INT64), Map.entry("bigint", Base.INT64), Map.entry("long", Base.INT64),
      Map.entry("int8", Base.INT64),
      Map.entry("float32", Base.FLOAT32), Map.entry("float", Base.FLOAT32), Map.entry("real", Base.FLOAT32),
      Map.entry("float4", Base.FLOAT32),
      Map.entry("float64", Base.FLOAT64), Map.entry("double", Base.FLOAT64),
      Map.entry("double precision", Base.FLOAT64), Map.entry("float8", Base.FLOAT64),
      Map.entry("decimal", Base.DECIMAL), Map.entry("numeric", Base.DECIMAL),
      Map.entry("date", Base.DATE), Map.entry("time", Base.TIME),
      Map.entry("timestamp", Base.TIMESTAMP), Map.entry("datetime", Base.TIMESTAMP),
      Map.entry("timestamp without time zone", Base.TIMESTAMP),
      Map.entry("timestamptz", Base.TIMESTAMPTZ), Map.entry("timestamp with time zone", Base.TIMESTAMPTZ),
      Map.entry("uuid", Base.UUID),
      Map.entry("bytes", Base.BYTES), Map.entry("binary", Base.BYTES), Map.entry("blob", Base.BYTES),
      Map.entry("bytea", Base.BYTES), Map.entry("varbinary", Base.BYTES),
      Map.entry("json", Base.JSON), Map.entry("jsonb", Base.JSON),
      Map.entry("list", Base.LIST), Map.entry("array", Base.LIST));

  private static final Pattern WITH_ARGUMENTS = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
  private static final Pattern GENERIC = Pattern.compile("(list|array)\\s*<\\s*(.+)\\s*>");

  public ColumnType {
    if (base == null) {
      throw new InvalidException("a column type needs a base type");
    }
    if (base == Base.DECIMAL && (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision)) {
      throw new InvalidException("decimal(" + precision + "," + scale + ") is out of range: precision 1 to "
          + MAX_DECIMAL_PRECISION + ", scale 0 to precision");
    }
    if ((base == Base.LIST) != (element != null)) {
      throw new InvalidException("only a list has an element type");
    }
  }

  public static ColumnType of(Base base) {
    return base == Base.DECIMAL ? decimal(MAX_DECIMAL_PRECISION, 0) : new ColumnType(base, 0, 0, null);
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(Base.DECIMAL, precision, scale, null);
  }

  public static ColumnType listOf(ColumnType element) {
    return new ColumnType(Base.LIST, 0, 0, element);
  }

  public static ColumnType parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidException("a column type is empty");
    }
    String type = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher generic = GENERIC.matcher(type);
    if (generic.matches()) {
      return listOf(parse(generic.group(2)));
    }
    if (type.endsWith("[]")) {
      return listOf(parse(type.substring(0, type.length() - 2)));
    }
    Matcher arguments = WITH_ARGUMENTS.matcher(type);
    if (arguments.matches()) {
      return withArguments(text, NAMES.get(arguments.group(1)), arguments.group(2), arguments.group(3));
    }
    Base base = NAMES.get(type);
    if (base == null) {
      throw unknown(text);
    }
    if (base == Base.LIST) {
      throw new InvalidException("'" + text + "' needs an element type, like list<string>");
    }
    return of(base);
  }

  private static ColumnType withArguments(String text, Base base, String first, String second) {
    if (base == Base.DECIMAL) {
      return decimal(Integer.parseInt(first), second == null ? 0 : Integer.parseInt(second));
    }
    if (second == null && (base == Base.STRING || base == Base.BYTES)) {
      return of(base);
    }
    throw unknown(text);
  }

  private static InvalidException unknown(String text) {
    List<String> known = new ArrayList<>(NAMES.keySet());
    known.remove("list");
    known.remove("array");
    String shown = "string, boolean, int32, int64, float32, float64, decimal(p,s), date, time, timestamp, "
        + "timestamptz, uuid, bytes, json, list<T>";
    return new InvalidException("unknown type '" + text + "' (expected one of " + shown + ")"
        + Suggest.hint(text.trim(), known));
  }

  public boolean isNumeric() {
    return switch (base) {
      case INT32, INT64, FLOAT32, FLOAT64, DECIMAL -> true;
      default -> false;
    };
  }

  public boolean isString() {
    return base == Base.STRING;
  }

  public boolean isTemporal() {
    return base == Base.DATE || base == Base.TIMESTAMP || base == Base.TIMESTAMPTZ;
  }

  /** Whether values can be compared for equality (unique, accepted, relationship rules). */
  public boolean isComparable() {
    return base != Base.JSON && base != Base.LIST;
  }

  @Override
  public String toString() {
    return switch (base) {
      case DECIMAL -> "decimal(" + precision + "," + scale + ")";
      case LIST -> "list<" + element + ">";
      default -> base.name().toLowerCase(Locale.ROOT);
    };
  }
}
