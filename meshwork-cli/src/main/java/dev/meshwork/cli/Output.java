package dev.meshwork.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** How read commands print: text for people, or JSON with {@code --output json}. */
public enum Output {
  TEXT, JSON, JUNIT;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
          .addSerializer(dev.meshwork.spec.ProductRef.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer())
          .addSerializer(dev.meshwork.spec.ColumnType.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer())
          .addSerializer(dev.meshwork.spec.quality.Check.class, new CheckSerializer())
          .addSerializer(java.time.Duration.class, new DurationSerializer()));

  /** Durations as specs write them: {@code 2h}, {@code 30m}. */
  private static final class DurationSerializer extends com.fasterxml.jackson.databind.JsonSerializer<java.time.Duration> {
    @Override
    public void serialize(java.time.Duration duration, com.fasterxml.jackson.core.JsonGenerator json,
                          com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
      json.writeString(dev.meshwork.spec.Durations.format(duration));
    }
  }

  /** A quality check as its rule name followed by its fields: {@code {"rule": "positive", "column": "amount"}}. */
  private static final class CheckSerializer extends com.fasterxml.jackson.databind.JsonSerializer<dev.meshwork.spec.quality.Check> {
    private static final ObjectMapper FIELDS = new ObjectMapper().registerModule(
        new com.fasterxml.jackson.databind.module.SimpleModule().addSerializer(java.time.Duration.class, new DurationSerializer()));

    @Override
    public void serialize(dev.meshwork.spec.quality.Check check, com.fasterxml.jackson.core.JsonGenerator json,
                          com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
      java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
      fields.put("rule", check.type().toString());
      fields.putAll(FIELDS.convertValue(check, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {}));
      provider.defaultSerializeValue(fields, json);
    }
  }

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
