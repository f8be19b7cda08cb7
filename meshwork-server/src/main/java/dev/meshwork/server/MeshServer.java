package dev.meshwork.server;

import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.Authentication;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.metrics.MetricsRelay;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.server.web.SessionStore;
import dev.meshwork.server.web.WebCatalog;
import dev.meshwork.spec.error.DeniedException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The platform's REST API: serves the {@link Routes} over a platform it owns, and closes the
 * platform (releasing the home's lock) when it stops. Stopping refuses new requests with 503,
 * waits for the running ones (builds included) up to the drain timeout, then stops listening.
 */
public final class MeshServer implements AutoCloseable {

  private final Javalin app;
  private final List<Route> routes;
  private final AutoCloseable owned;
  private final ServerOptions options;
  private final Refusals refusals;
  private final PrometheusMetrics metrics = new PrometheusMetrics();
  private static final long FLUSH_MILLIS = 250;
  /** The request attribute holding the template of the route a request matched. */
  private static final String ROUTE = "meshwork.route";

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Object drained = new Object();
  private int running;

  private MeshServer(Function<Principal, Operations> operations, AutoCloseable owned, ServerOptions options, Authorizer authorizer) {
    this(operations, owned, options, authorizer, null, Refusals.NONE);
  }

  private MeshServer(Function<Principal, Operations> operations, AutoCloseable owned, ServerOptions options, Authorizer authorizer,
                     WebCatalog web, Refusals refusals) {
    this.owned = owned;
    this.refusals = refusals;
    this.options = options;
    this.routes = Routes.all(operations, options, metrics);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.prefer405over404 = true;
      config.http.maxRequestSize = options.maxBodyBytes();
      config.router.ignoreTrailingSlashes = true;
      for (Route route : routes) {
        config.routes.addHttpHandler(route.method(), route.path(), handler(route, authorizer));
      }
      if (web != null) {
        for (WebCatalog.Endpoint endpoint : web.endpoints()) {
          config.routes.addHttpHandler(endpoint.method(), endpoint.path(), page(endpoint.handler(), web));
        }
      }
      config.routes.exception(Exception.class, (e, context) -> Errors.send(context, e));
      config.routes.error(404, context -> status(context, 404, web));
      config.routes.error(405, context -> status(context, 405, web));
      config.requestLogger.http((context, millis) -> metrics.request(routeOf(context), context.method().name(),
          context.statusCode(), (long) (millis * 1_000_000)));
    });
  }

  /**
   * Starts serving the platform's operations, and its web catalog at {@code /}; the server owns the
   * platform from now on. The platform's metrics go to {@code /metrics}, and its catalog is read in
   * the background.
   */
  public static MeshServer start(Platform platform, ServerOptions options, Authorizer authorizer) {
    WebCatalog web;
    try {
      web = new WebCatalog(platform::operationsFor, new WebCatalog.Tokens() {
        @Override
        public Authentication authenticate(String secret) {
          return platform.identities().authenticate(secret);
        }

        @Override
        public Authentication recheck(String tokenHash) {
          return platform.identities().recheck(tokenHash);
        }
      }, product -> platform.monitor().history(product, 20), SessionStore.in(platform.store()), Clock.systemUTC());
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
    MeshServer server = start(new MeshServer(platform::operationsFor, platform, options, authorizer, web,
            Refusals.auditedIn(platform.audit())), options,
        platform.metrics());
    Thread warm = new Thread(() -> {
      try {
        platform.warm();
      } catch (RuntimeException e) {
        // the requests that need the resources read them instead, and report what fails
      }
    }, "meshwork-warm-up");
    warm.setDaemon(true);
    warm.start();
    return server;
  }

  /** Starts serving {@code operations}; {@code owned} (may be null) is closed when the server stops. */
  public static MeshServer start(Operations operations, AutoCloseable owned, ServerOptions options, Authorizer authorizer) {
    return start(caller -> operations, owned, options, authorizer);
  }

  /** Starts serving, each request calling the operations acting as its caller; {@code owned} as above. */
  public static MeshServer start(Function<Principal, Operations> operations, AutoCloseable owned, ServerOptions options,
                                 Authorizer authorizer) {
    return start(new MeshServer(operations, owned, options, authorizer), options, null);
  }

  /** Starts {@code server}; what the platform reports through {@code relay} (may be null) goes to its metrics. */
  private static MeshServer start(MeshServer server, ServerOptions options, MetricsRelay relay) {
    if (relay != null) {
      relay.attach(server.metrics);
    }
    try {
      server.app.start(options.bind(), options.port());
    } catch (RuntimeException e) {
      server.closeOwned();
      throw e;
    }
    return server;
  }

  /** The port listened on (the one picked when the options said 0). */
  public int port() {
    return app.port();
  }

  /** The routes served, in registration order. */
  public List<Route> routes() {
    return routes;
  }

  /** The Javalin application, for tests that inspect what is registered. */
  Javalin app() {
    return app;
  }

  /** Stops: refuses new requests, lets running ones finish (bounded), stops listening, closes the platform. */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitQuietly();
      return;
    }
    try {
      drain();
      flush();
      app.stop();
    } finally {
      closeOwned();
      stopped.countDown();
    }
  }

  /** Blocks until the server has stopped. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    stop();
  }

  private Handler handler(Route route, Authorizer authorizer) {
    return context -> {
      if (stopping.get()) {
        throw new ApiException(503, "unavailable", "cannot answer " + context.method() + " " + context.path()
            + ": the server is stopping", null);
      }
      context.attribute(ROUTE, route.path());
      enter();
      try {
        Principal principal;
        try {
          principal = authorizer.check(context, route.permission());
        } catch (DeniedException denial) {
          refusals.refused(context.attribute(Authorizer.CALLER), context, denial);
          throw denial;
        }
        if (route.body() != null) {
          checkMediaType(context, route.body());
        }
        Object result = route.action().handle(new Request(context, options.maxBodyBytes(), principal, refusals));
        if (result instanceof Routes.RawText text) {
          context.contentType(text.contentType()).result(text.text());
        } else {
          String json = result instanceof Routes.RawJson raw ? raw.text() : Json.write(result);
          context.contentType("application/json").result(json);
        }
      } finally {
        leave();
      }
    };
  }

  /** A catalog page's handler, counted among the requests a stop waits for; a page asked for while stopping answers 503. */
  private Handler page(Handler handler, WebCatalog web) {
    return context -> {
      if (stopping.get()) {
        web.status(context, 503);
        return;
      }
      enter();
      try {
        handler.handle(context);
      } finally {
        leave();
      }
    };
  }

  /** The template of the route a request matched, or {@link PrometheusMetrics#UNMATCHED}. */
  private static String routeOf(Context context) {
    String route = context.attribute(ROUTE);
    return route == null ? PrometheusMetrics.UNMATCHED : route;
  }

  /** A status set without an exception: the catalog's page for its paths when it is served, else the API's error. */
  private static void status(Context context, int status, WebCatalog web) {
    if (web != null && WebCatalog.serves(context.path()) && context.attribute(Errors.WRITTEN) == null) {
      web.status(context, status);
    } else {
      Errors.status(context, status);
    }
  }

  private static void checkMediaType(Context context, Route.Body body) {
    String type = context.contentType();
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!body.mediaTypes().contains(media)) {
      throw new ApiException(415, "unsupported_media_type", "cannot read the request body: its content type is '"
          + (type == null ? "" : type) + "', expected " + String.join(" or ", body.mediaTypes()),
          java.util.Map.of("expected", body.mediaTypes()));
    }
  }

  private void enter() {
    synchronized (drained) {
      running++;
    }
  }

  private void leave() {
    synchronized (drained) {
      running--;
      drained.notifyAll();
    }
  }

  private void drain() {
    long deadline = System.nanoTime() + options.drainTimeout().toNanos();
    synchronized (drained) {
      while (running > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          drained.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * A handler has returned before its response is written to the socket; waiting this long lets
   * the last drained responses reach their clients before the connections close.
   */
  private static void flush() {
    try {
      Thread.sleep(FLUSH_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitQuietly() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeOwned() {
    if (owned == null) {
      return;
    }
    try {
      owned.close();
    } catch (Exception e) {
      // closing on the way out: nothing more to do
    }
  }
}
