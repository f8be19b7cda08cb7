package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.regex.Pattern;

/** The naming rules every resource, column and input obeys. */
public final class Names {

  public static final int MAX_LENGTH = 63;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  private Names() {}

  /** A resource name: lowercase {@code [a-z][a-z0-9_-]*}, at most 63 characters. */
  public static String check(String value, String what) {
    return check(value, what, NAME, "lowercase letters, digits, '-' and '_', starting with a letter");
  }

  /** A SQL identifier (column, input relation): lowercase {@code [a-z_][a-z0-9_]*}. */
  public static String checkIdentifier(String value, String what) {
    return check(value, what, IDENTIFIER, "lowercase letters, digits and '_', not starting with a digit");
  }

  public static boolean isName(String value) {
    return value != null && value.length() <= MAX_LENGTH && NAME.matcher(value).matches();
  }

  private static String check(String value, String what, Pattern pattern, String rule) {
    if (value == null || value.isEmpty()) {
      throw new InvalidException(what + " is empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidException(what + " '" + shorten(value) + "' is " + value.length()
          + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    if (!pattern.matcher(value).matches()) {
      throw new InvalidException("'" + shorten(value) + "' is not a valid " + what + ": use " + rule);
    }
    return value;
  }

  private static String shorten(String value) {
    return value.length() > 70 ? value.substring(0, 67) + "..." : value;
  }
}
