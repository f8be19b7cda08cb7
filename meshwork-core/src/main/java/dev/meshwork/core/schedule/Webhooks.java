package dev.meshwork.core.schedule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * POSTs alerts as Slack-compatible JSON, {@code {"text": "..."}}, to each configured URL. A URL may
 * hold a secret (Slack's do), so what is reported names a webhook by its position and host only.
 */
final class Webhooks {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<URI> urls;
  private final HttpClient client;

  Webhooks(List<URI> urls) {
    this.urls = List.copyOf(urls);
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  boolean isEmpty() {
    return urls.isEmpty();
  }

  /** Posts the text to every webhook; returns one line per webhook that did not take it. */
  List<String> post(String text) {
    List<String> failures = new ArrayList<>();
    String body = "{\"text\":" + json(text) + "}";
    for (int i = 0; i < urls.size(); i++) {
      URI url = urls.get(i);
      String name = "webhook " + (i + 1) + " (" + url.getHost() + ")";
      HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
          failures.add(name + " answered " + response.statusCode());
        }
      } catch (IOException e) {
        failures.add("cannot reach " + name + ": " + reason(e, url));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add("cannot reach " + name + ": interrupted");
        break;
      }
    }
    return failures;
  }

  /** Why a post failed, without the URL's path or query, where a secret may be. */
  private static String reason(IOException e, URI url) {
    String message = e.getMessage();
    boolean safe = message != null && !message.isBlank()
        && (url.getRawPath() == null || url.getRawPath().length() < 2 || !message.contains(url.getRawPath()))
        && (url.getRawQuery() == null || !message.contains(url.getRawQuery()));
    return safe ? message : e.getClass().getSimpleName();
  }

  /** A JSON string literal. */
  static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
