package dev.meshwork.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Sends requests to one server with one token and reads the answers as JSON. Requests wait as
 * long as the server works (a build answers when it ended); connecting gives up after
 * {@link #CONNECT_TIMEOUT}. A server that cannot be reached is an {@link EngineException} saying so.
 */
final class Transport {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** An answer: its status, its body as JSON (null when it is not JSON) and the request, as {@code GET /path}. */
  record Answer(int status, JsonNode body, String request) {}

  private final String url;
  private final String token;
  private final String why;
  private final HttpClient client;

  /** {@code why} (may be null) says why this server is the one called, for the message when it cannot be reached. */
  Transport(String url, String token, String why) {
    this.url = address(url);
    this.token = token == null || token.isBlank() ? null : token.strip();
    this.why = why;
    this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  String url() {
    return url;
  }

  /** A request to {@code path} (starting with /api/v1 or /), carrying the token. */
  HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  /** A POST of {@code body} as JSON. */
  HttpRequest.Builder json(String path, Object body) {
    return request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ClientJson.write(body)));
  }

  Answer send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    String what = request.method() + " " + request.uri().getRawPath();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), ClientJson.tree(response.body()), what);
    } catch (HttpConnectTimeoutException e) {
      throw new EngineException(unreachable("no answer within " + CONNECT_TIMEOUT.toSeconds() + " s"), e);
    } catch (IOException e) {
      throw new EngineException(unreachable(reason(e)), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(unreachable("interrupted while waiting for the answer to " + what), e);
    }
  }

  /** The body of a successful answer; for any other, the exception the error stands for. */
  JsonNode check(Answer answer) {
    if (answer.status() >= 200 && answer.status() < 300) {
      if (answer.body() == null) {
        throw new EngineException("cannot use the platform at " + url + ": the answer to " + answer.request()
            + " is not JSON; is this the address of mesh serve?");
      }
      return answer.body();
    }
    throw RemoteErrors.of(url, answer.status(), answer.body());
  }

  /** A path segment or query parameter value, percent-encoded. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String unreachable(String reason) {
    return "cannot reach the platform at " + url + ": " + reason + (why == null ? "" : " (" + why + ")");
  }

  /** Why connecting failed, in a few words: the deepest message of the causes. */
  private String reason(Throwable e) {
    String reason = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return "unknown host " + URI.create(url).getHost();
      }
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        reason = cause.getMessage();
      }
    }
    if (reason == null) {
      return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }
    return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }

  /** {@code url} without a trailing slash, when it is an http or https address with a host. */
  static String address(String url) {
    String value = url == null ? "" : url.strip();
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
          && uri.getFragment() == null && uri.getUserInfo() == null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidException("cannot use '" + url + "' as the platform's address: expected http://HOST:PORT "
        + "or https://HOST[:PORT][/PATH], as mesh serve prints it");
  }
}
