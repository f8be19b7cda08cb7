package dev.meshwork.core.build;

import dev.meshwork.core.spi.EngineColumn;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a transform's output columns with the contract's: names and types, in any order.
 * A mismatch is described as a table of expected against actual, one line per column, and a
 * column of the wrong type with the CAST that gives it the contract's.
 */
final class ContractCheck {

  private ContractCheck() {}

  /** The readable diff, or empty when the output matches. */
  static Optional<String> diff(List<Column> contract, List<EngineColumn> output) {
    Map<String, EngineColumn> actual = new LinkedHashMap<>();
    output.forEach(c -> actual.put(c.name(), c));
    List<String[]> lines = new ArrayList<>();
    boolean mismatch = false;
    List<String> casts = new ArrayList<>();
    for (Column column : contract) {
      EngineColumn found = actual.remove(column.name());
      String note = "";
      if (found == null) {
        note = "missing from the output";
      } else if (!matches(column.type(), found.type())) {
        note = "wrong type";
        casts.add("CAST(" + column.name() + " AS " + BuildScope.engineType(column.type()) + ")");
      }
      mismatch |= !note.isEmpty();
      lines.add(new String[] {column.name(), column.type().toString(), found == null ? "-" : shown(found), note});
    }
    for (EngineColumn extra : actual.values()) {
      mismatch = true;
      lines.add(new String[] {extra.name(), "-", shown(extra), "not in the contract"});
    }
    if (!mismatch) {
      return Optional.empty();
    }
    int[] width = {"column".length(), "expected".length(), "actual".length()};
    for (String[] line : lines) {
      for (int i = 0; i < 3; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(row(width, new String[] {"column", "expected", "actual", ""}));
    for (String[] line : lines) {
      text.append('\n').append(row(width, line));
    }
    if (!casts.isEmpty()) {
      text.append("\n  cast in the transform SQL to the contract's type: ").append(String.join(", ", casts));
    }
    return Optional.of(text.toString());
  }

  /** Whether the output's column order differs from the contract's (same names assumed). */
  static boolean reordered(List<Column> contract, List<EngineColumn> output) {
    for (int i = 0; i < contract.size(); i++) {
      if (!contract.get(i).name().equals(output.get(i).name())) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(ColumnType expected, ColumnType actual) {
    if (actual == null) {
      return false;
    }
    if (expected.base() == ColumnType.Base.JSON) {
      return actual.base() == ColumnType.Base.JSON || actual.base() == ColumnType.Base.STRING;
    }
    if (expected.base() != actual.base()) {
      return false;
    }
    return switch (expected.base()) {
      case DECIMAL -> expected.precision() == actual.precision() && expected.scale() == actual.scale();
      case LIST -> matches(expected.element(), actual.element());
      default -> true;
    };
  }

  private static String shown(EngineColumn column) {
    return column.type() == null ? column.engineType() : column.type().toString();
  }

  private static String row(int[] width, String[] cells) {
    String text = "  " + pad(cells[0], width[0]) + "  " + pad(cells[1], width[1]) + "  " + pad(cells[2], width[2])
        + (cells[3].isEmpty() ? "" : "  <- " + cells[3]);
    return text.stripTrailing();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
