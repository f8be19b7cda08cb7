package dev.meshwork.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A closed-loop load generator on loopback: {@code threads} clients each send a request, wait
 * for its answer and send the next, for a warm-up and then a measured period. Latency is from
 * sending to the whole body received.
 */
final class Load {

  /** What the measured period saw: each answered request's latency, the errors and the time. */
  record Result(long[] nanos, long errors, String firstError, double seconds) {

    double percentileMillis(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1_000_000.0;
    }

    double perSecond() {
      return nanos.length / seconds;
    }

    String summary() {
      return String.format("%,d requests, %,.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%s", nanos.length,
          perSecond(), percentileMillis(50), percentileMillis(99), percentileMillis(100), errors,
          firstError == null ? "" : " (first: " + firstError + ")");
    }
  }

  private Load() {}

  /** Runs the load; {@code next} makes each request from a random source. */
  static Result run(int threads, Duration warmUp, Duration measured, Function<ThreadLocalRandom, HttpRequest> next)
      throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long measureTo = measureFrom + measured.toNanos();
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(client, next, measureFrom, measureTo);
      workers.add(worker);
      worker.thread.start();
    }
    long errors = 0;
    String firstError = null;
    int total = 0;
    for (Worker worker : workers) {
      worker.thread.join();
      errors += worker.errors;
      total += worker.count;
      if (firstError == null) {
        firstError = worker.firstError;
      }
    }
    long[] all = new long[total];
    int at = 0;
    for (Worker worker : workers) {
      System.arraycopy(worker.nanos, 0, all, at, worker.count);
      at += worker.count;
    }
    Arrays.sort(all);
    return new Result(all, errors, firstError, (measureTo - measureFrom) / 1e9);
  }

  /** One client thread. */
  private static final class Worker implements Runnable {
    final Thread thread = new Thread(this, "load");
    private final HttpClient client;
    private final Function<ThreadLocalRandom, HttpRequest> next;
    private final long measureFrom;
    private final long measureTo;
    long[] nanos = new long[1 << 14];
    int count;
    long errors;
    String firstError;

    Worker(HttpClient client, Function<ThreadLocalRandom, HttpRequest> next, long measureFrom, long measureTo) {
      this.client = client;
      this.next = next;
      this.measureFrom = measureFrom;
      this.measureTo = measureTo;
    }

    @Override
    public void run() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      while (true) {
        HttpRequest request = next.apply(random);
        long sent = System.nanoTime();
        if (sent >= measureTo) {
          return;
        }
        String error = null;
        try {
          HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          if (response.statusCode() != 200) {
            error = response.statusCode() + " " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
          }
        } catch (Exception e) {
          error = e.toString();
        }
        long received = System.nanoTime();
        if (sent >= measureFrom) {
          if (error != null) {
            errors++;
            firstError = firstError == null ? request.uri() + ": " + error : firstError;
          } else {
            if (count == nanos.length) {
              nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = received - sent;
          }
        }
      }
    }
  }
}
