package dev.meshwork.spec.quality;

import dev.meshwork.spec.Suggest;
import dev.meshwork.spec.error.InvalidException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The quality rules, spelled as specs spell them ({@code notNull}); parsing also takes {@code NOT_NULL}. */
public enum RuleType {
  NOT_NULL("notNull", true),
  UNIQUE("unique", true),
  ACCEPTED("accepted", true),
  RANGE("range", true),
  PATTERN("pattern", true),
  POSITIVE("positive", true),
  NON_NEGATIVE("nonNegative", true),
  LENGTH("length", true),
  ROW_COUNT("rowCount", false),
  FRESHNESS("freshness", false),
  RELATIONSHIP("relationship", true),
  SQL("sql", false);

  private final String spelling;
  private final boolean rowLevel;

  RuleType(String spelling, boolean rowLevel) {
    this.spelling = spelling;
    this.rowLevel = rowLevel;
  }

  /** Whether the rule counts failing rows, so that {@code threshold: 99.9%} applies. */
  public boolean rowLevel() {
    return rowLevel;
  }

  public static RuleType parse(String text) {
    String wanted = squash(text);
    for (RuleType type : values()) {
      if (squash(type.spelling).equals(wanted)) {
        return type;
      }
    }
    List<String> spellings = Arrays.stream(values()).map(RuleType::toString).toList();
    throw new InvalidException("unknown rule '" + text + "' (expected one of " + String.join(", ", spellings) + ")"
        + Suggest.hint(text, spellings));
  }

  private static String squash(String text) {
    return text == null ? "" : text.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
