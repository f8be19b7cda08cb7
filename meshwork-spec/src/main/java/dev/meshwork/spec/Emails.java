package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.regex.Pattern;

/** Owners and members are people or teams reachable by email. */
public final class Emails {

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private Emails() {}

  public static String check(String value, String what) {
    if (value == null || !EMAIL.matcher(value).matches()) {
      throw new InvalidException(what + " '" + value + "' is not an email address (expected like team@example.com)");
    }
    return value;
  }
}
