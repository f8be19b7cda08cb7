package dev.meshwork.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP endpoint standing in for a Slack webhook: it keeps every body POSTed to /alerts,
 * after answering 503 to as many first POSTs as it was told to refuse.
 */
final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();

  WebhookReceiver() throws IOException {
    this(0);
  }

  WebhookReceiver(int refuseFirst) throws IOException {
    AtomicInteger refusals = new AtomicInteger(refuseFirst);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/alerts", exchange -> {
      int status = 200;
      try (InputStream in = exchange.getRequestBody()) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("POST") && refusals.getAndDecrement() > 0) {
          status = 503;
        } else if (exchange.getRequestMethod().equals("POST")) {
          contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
          bodies.add(body);
        }
      }
      exchange.sendResponseHeaders(status, -1);
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
