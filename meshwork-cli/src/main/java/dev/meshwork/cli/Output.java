package dev.meshwork.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** How read commands print: text for people, or JSON with {@code --output json}. */
public enum Output {
  TEXT, JSON;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
          .addSerializer(dev.meshwork.spec.ProductRef.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer()));

  public static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
