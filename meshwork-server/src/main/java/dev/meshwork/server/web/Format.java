package dev.meshwork.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the templates print values that are not text. */
public final class Format {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Format() {}

  public static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }

  public static String text(Object value) {
    return value == null ? "-" : String.valueOf(value);
  }
}
