package dev.meshwork.core.schedule;

import dev.meshwork.core.build.Json;
import dev.meshwork.core.spi.SecretResolver;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

  /**
   * The webhooks configured, secret references resolved.
   *
   * @throws InvalidException when one cannot be resolved or is not an http(s) URL; never showing its value
   */
  static Webhooks resolve(List<String> configured, SecretResolver secrets) {
    List<URI> urls = new ArrayList<>();
    for (int i = 0; i < configured.size(); i++) {
      String where = "cannot start the scheduler: alerts.webhooks[" + i + "]";
      String value;
      try {
        value = secrets.resolve(configured.get(i));
      } catch (InvalidException e) {
        throw new InvalidException(where + ": " + e.getMessage());
      }
      urls.add(url(value, where));
    }
    return new Webhooks(urls);
  }

  private static URI url(String value, String where) {
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme();
      if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, without the value: it may be a secret
    }
    throw new InvalidException(where + " is not an http or https URL");
  }

  /** How many webhooks there are; {@link #post} numbers them from 0. */
  int size() {
    return urls.size();
  }

  /** A webhook for people: its position (from 1) and host, never its path, where a secret may be. */
  String name(int index) {
    return "webhook " + (index + 1) + " (" + urls.get(index).getHost() + ")";
  }

  /**
   * Posts the text to the webhooks numbered {@code which}; returns why, by number, each that did
   * not take it did not.
   */
  Map<Integer, String> post(String text, Collection<Integer> which) {
    Map<Integer, String> failures = new TreeMap<>();
    String body = "{\"text\":" + Json.string(text) + "}";
    for (int i : which) {
      URI url = urls.get(i);
      HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
          failures.put(i, name(i) + " answered " + response.statusCode());
        }
      } catch (IOException e) {
        failures.put(i, "cannot reach " + name(i) + ": " + reason(e, url));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.put(i, "cannot reach " + name(i) + ": interrupted");
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
}
