package dev.meshwork.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshwork.core.spi.EngineException;

/**
 * JSON as the server speaks it, read back into the platform's own records: instants as ISO text,
 * products as {@code domain.name}, the contract's parts as {@link SpecModule} reads them. Fields
 * the client does not know are ignored, so a newer server still answers an older client. Numbers
 * of query results read as {@code Long} and {@code BigDecimal}, as the engine returns them.
 */
final class ClientJson {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(SpecModule.create())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ClientJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new EngineException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A tree, or null when {@code text} is not JSON. */
  static JsonNode tree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static <T> T read(JsonNode node, TypeReference<T> type, String what) {
    try {
      return MAPPER.readerFor(type).readValue(node);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new EngineException("cannot read " + what + ": " + message(e), e);
    }
  }

  static <T> T read(JsonNode node, Class<T> type, String what) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new EngineException("cannot read " + what + ": " + message(e), e);
    }
  }

  private static String message(Exception e) {
    return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
  }
}
