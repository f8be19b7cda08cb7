package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Enumeration values as documents write them: case-insensitive, {@code source-aligned} for
 * {@code SOURCE_ALIGNED}. Each enum's {@code toString} is its canonical spelling.
 */
public final class Enums {

  private Enums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
    E[] constants = type.getEnumConstants();
    if (value != null) {
      String wanted = normalize(value);
      for (E constant : constants) {
        if (normalize(constant.toString()).equals(wanted)) {
          return constant;
        }
      }
    }
    List<String> spellings = spellings(type);
    throw new InvalidException("unknown " + what + " '" + value + "' (expected one of "
        + String.join(", ", spellings) + ")" + Suggest.hint(value, spellings));
  }

  public static <E extends Enum<E>> List<String> spellings(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
  }

  /** The usual spelling in documents: lowercase words joined by '-'. */
  public static String kebab(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String normalize(String value) {
    return value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
