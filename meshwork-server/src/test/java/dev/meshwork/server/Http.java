package dev.meshwork.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests: sends a request to a server on localhost and reads the JSON answer. */
final class Http {

  /** A response: its status, its content type and its body as JSON (null when it is not JSON). */
  record Response(int status, String contentType, String text, JsonNode json, String authenticate) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  /** A client that sends no token. */
  Http(int port) {
    this(port, null);
  }

  /** A client that sends {@code Authorization: Bearer token} (none when null). */
  Http(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  /** A client to the same server sending another token. */
  Http as(String other) {
    return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
  }

  Response get(String path) {
    return send("GET", path, null, null);
  }

  Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  Response postJson(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  Response send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = null;
      if (type.startsWith("application/json")) {
        json = MAPPER.readTree(response.body());
      }
      return new Response(response.statusCode(), type, response.body(), json,
          response.headers().firstValue("WWW-Authenticate").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
