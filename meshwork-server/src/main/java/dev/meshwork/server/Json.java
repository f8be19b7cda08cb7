package dev.meshwork.server;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.Durations;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.Problem;
import dev.meshwork.spec.quality.Check;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON as the API speaks it: instants as ISO text, products as {@code domain.name}, durations as {@code 2h}. */
public final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .registerModule(new JavaTimeModule())
      .addMixIn(Problem.class, ProblemFields.class)
      .registerModule(new SimpleModule()
          .addSerializer(ProductRef.class, new ToStringSerializer())
          .addSerializer(ColumnType.class, new ToStringSerializer())
          .addSerializer(Duration.class, new DurationSerializer())
          .addSerializer(Check.class, new CheckSerializer()));

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new EngineException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A text field of a request body, or null when absent; 400 when it is not text. */
  static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidException("cannot read field " + field + ": expected text, got " + node.getNodeType().name().toLowerCase());
    }
    return node.asText();
  }

  static String requiredText(JsonNode body, String field) {
    String value = text(body, field);
    if (value == null || value.isBlank()) {
      throw new InvalidException("cannot read field " + field + ": it is missing");
    }
    return value;
  }

  static boolean flag(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new InvalidException("cannot read field " + field + ": expected true or false");
    }
    return node.booleanValue();
  }

  static int number(JsonNode body, String field, int fallback, int max) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isInt() || node.intValue() < 1 || node.intValue() > max) {
      throw new InvalidException("cannot read field " + field + ": expected a whole number from 1 to " + max
          + ", got " + node);
    }
    return node.intValue();
  }

  static Instant instant(JsonNode body, String field) {
    String value = requiredText(body, field);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidException("cannot read field " + field + ": '" + value
          + "' is not an instant such as 2026-12-31T00:00:00Z");
    }
  }

  /** An optional day such as 2026-12-31; null when the field is absent. */
  static java.time.LocalDate date(JsonNode body, String field) {
    String value = text(body, field);
    if (value == null) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidException("cannot read field " + field + ": '" + value + "' is not a day such as 2026-12-31");
    }
  }

  /** A problem's fields, without the derived {@code error} flag. */
  @JsonIgnoreProperties("error")
  private abstract static class ProblemFields {}

  private static final class DurationSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeString(Durations.format(value));
    }
  }

  /** A quality check as its rule name and its fields. */
  private static final class CheckSerializer extends JsonSerializer<Check> {
    private static final ObjectMapper FIELDS = new ObjectMapper()
        .registerModule(new SimpleModule().addSerializer(Duration.class, new DurationSerializer()));

    @Override
    public void serialize(Check check, JsonGenerator json, SerializerProvider provider) throws IOException {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("rule", check.type().toString());
      fields.putAll(FIELDS.convertValue(check, new TypeReference<Map<String, Object>>() {}));
      provider.defaultSerializeValue(fields, json);
    }
  }
}
