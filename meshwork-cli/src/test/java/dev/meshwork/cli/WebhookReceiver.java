package dev.meshwork.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP endpoint standing in for a Slack webhook: it keeps every body POSTed to /alerts. */
final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/alerts", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        if (exchange.getRequestMethod().equals("POST")) {
          contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
          bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  /** The bodies received so far, in order. */
  List<String> bodies() {
    return List.copyOf(bodies);
  }

  List<String> contentTypes() {
    return List.copyOf(contentTypes);
  }

  /** Waits until {@code count} alerts arrived; returns them. */
  List<String> await(int count) throws InterruptedException {
    ServeProcess.await(() -> bodies.size() >= count, Duration.ofSeconds(30), count + " alert(s), got " + bodies);
    return bodies();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
