package dev.meshwork.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four kinds of resource, spelled as documents spell them. */
public enum Kind {
  DOMAIN("Domain"),
  SOURCE("Source"),
  DATA_PRODUCT("DataProduct"),
  POLICY("Policy");

  public static final String API_VERSION = "meshwork/v1";

  private final String spelling;

  Kind(String spelling) {
    this.spelling = spelling;
  }

  public static Optional<Kind> of(String spelling) {
    return Arrays.stream(values()).filter(k -> k.spelling.equals(spelling)).findFirst();
  }

  public static List<String> spellings() {
    return Arrays.stream(values()).map(Kind::toString).toList();
  }

  @Override
  public String toString() {
    return spelling;
  }
}
