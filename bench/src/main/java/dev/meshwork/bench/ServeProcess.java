package dev.meshwork.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code mesh serve} process, started with the {@code mesh} launcher (which runs
 * {@code java} in its place, so the process is the JVM) on a home and a free loopback port, and
 * polled until {@code /health} answers.
 */
final class ServeProcess implements AutoCloseable {

  static final Path LAUNCHER = Path.of("mesh");

  private final Process process;
  private final int port;
  private final double startSeconds;
  private final double startCpuSeconds;

  private ServeProcess(Process process, int port, double startSeconds) throws IOException {
    this.process = process;
    this.port = port;
    this.startSeconds = startSeconds;
    this.startCpuSeconds = cpuSeconds();
  }

  /** Starts serving {@code home} and returns once {@code /health} answers 200. */
  static ServeProcess start(Path home, Path log) throws Exception {
    if (!Files.isExecutable(LAUNCHER)) {
      throw new IllegalStateException("no " + LAUNCHER.toAbsolutePath() + ": run the benchmarks with bench/run, from the repository");
    }
    int port = freePort();
    List<String> command = List.of(LAUNCHER.toAbsolutePath().toString(), "serve", "--home", home.toString(),
        "--port", String.valueOf(port));
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(1)).build();
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = start + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return new ServeProcess(process, port, Bench.seconds(System.nanoTime() - start));
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("mesh serve exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      Thread.sleep(5);
    }
    process.destroyForcibly();
    throw new IllegalStateException("mesh serve did not answer /health within 60 s: " + Files.readString(log));
  }

  int port() {
    return port;
  }

  /** From starting the process to the first 200 from {@code /health}. */
  double startSeconds() {
    return startSeconds;
  }

  /** The processor time the process had used when {@code /health} first answered, on all its threads. */
  double startCpuSeconds() {
    return startCpuSeconds;
  }

  /** The processor time the process has used so far (user and system, from {@code /proc/PID/stat}). */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  /** The process's resident memory now, in MB of 10^6 bytes ({@code VmRSS} of {@code /proc/PID/status}, in KiB). */
  double residentMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024 / 1e6;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
  }

  /** Stops the server with SIGTERM, as a service manager would, and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
