package dev.meshwork.spec;

import java.util.regex.Pattern;

/** Secrets are written as references, {@code ${env:NAME}} or {@code ${file:/path}}, never as values. */
public final class Secrets {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env:[A-Za-z_][A-Za-z0-9_]*|file:[^}]+)}");

  private Secrets() {}

  public static boolean isReference(String value) {
    return value != null && REFERENCE.matcher(value).matches();
  }
}
