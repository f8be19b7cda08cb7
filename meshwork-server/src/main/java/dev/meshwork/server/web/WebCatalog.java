package dev.meshwork.server.web;

import dev.meshwork.core.identity.Authentication;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.StateChange;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web catalog: HTML pages over the platform's operations, served beside the REST API. Its
 * visitors log in with an API token, which opens a server-side session (an HttpOnly, SameSite=Lax
 * cookie names it); every page then calls the operations acting as that user, and every form
 * carries the session's CSRF token.
 */
public final class WebCatalog {

  /** A page or form the server registers. */
  public record Endpoint(HandlerType method, String path, Handler handler) {}

  /** What a page does for a logged-in user; it renders or redirects through the request's context. */
  @FunctionalInterface
  interface Action {
    void handle(WebRequest request) throws Exception;
  }

  static final String COOKIE = "mw_session";
  private static final String CSS = "catalog.css";
  private static final Logger LOG = LoggerFactory.getLogger(WebCatalog.class);

  private final Function<Principal, Operations> operations;
  private final Tokens tokens;
  private final Sessions sessions;
  private final Templates templates = new Templates();
  private final Catalog catalog;
  private final byte[] css;

  /**
   * How the catalog tells who holds a token: at login by the token's secret, and on every page
   * after by the hash of it the session keeps, so that a revoked token or a user's new roles take
   * effect at once.
   */
  public interface Tokens {
    Authentication authenticate(String secret);

    Authentication recheck(String tokenHash);
  }

  /**
   * {@code stateChanges} tells a product's recorded changes of state, newest first; its sessions are
   * kept in {@code sessionStore}; {@code clock} tells the sessions' and the products' freshness's time.
   */
  public WebCatalog(Function<Principal, Operations> operations, Tokens tokens,
                    Function<ProductRef, List<StateChange>> stateChanges, SessionStore sessionStore, Clock clock) {
    this.operations = operations;
    this.tokens = tokens;
    this.sessions = new Sessions(sessionStore, clock);
    this.catalog = new Catalog(templates, stateChanges, clock);
    this.css = resource(CSS);
  }

  public List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(new Endpoint(HandlerType.GET, "/static/" + CSS,
        context -> context.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=300").result(css)));
    endpoints.add(new Endpoint(HandlerType.GET, "/login", this::loginPage));
    endpoints.add(new Endpoint(HandlerType.POST, "/login", this::login));
    endpoints.add(new Endpoint(HandlerType.POST, "/logout", form(this::logout)));
    endpoints.add(new Endpoint(HandlerType.GET, "/", page(catalog::search)));
    endpoints.add(new Endpoint(HandlerType.GET, "/search", page(catalog::search)));
    endpoints.add(new Endpoint(HandlerType.GET, "/products/{ref}", page(catalog::product)));
    endpoints.add(new Endpoint(HandlerType.POST, "/products/{ref}/access", form(catalog::requestAccess)));
    endpoints.add(new Endpoint(HandlerType.GET, "/domains/{name}", page(catalog::domain)));
    endpoints.add(new Endpoint(HandlerType.GET, "/dashboard", page(catalog::dashboard)));
    endpoints.add(new Endpoint(HandlerType.GET, "/me", page(catalog::me)));
    endpoints.add(new Endpoint(HandlerType.POST, "/access/{id}/approve", form(catalog::approve)));
    endpoints.add(new Endpoint(HandlerType.POST, "/access/{id}/reject", form(catalog::reject)));
    endpoints.add(new Endpoint(HandlerType.POST, "/access/{id}/revoke", form(catalog::revoke)));
    return List.copyOf(endpoints);
  }

  /** Whether a path belongs to the catalog rather than the API (for the pages answering 404 and 405). */
  public static boolean serves(String path) {
    return !path.startsWith("/api/") && !path.equals("/health");
  }

  /** The catalog's page for a status the server set without an exception (no such page, or method). */
  public void status(Context context, int status) {
    if (context.attribute(Templates.RENDERED) != null) {
      return;
    }
    String message = status == 405 ? "cannot answer " + context.method() + " " + context.path()
        + ": the method is not allowed here"
        : status == 503 ? "cannot show " + context.path() + ": the server is stopping; try again in a moment"
        : "cannot show " + context.path() + ": there is no such page";
    renderError(context, checked(context).session(), ErrorView.of(status, message));
  }

  private Handler page(Action action) {
    return context -> run(context, action, false);
  }

  private Handler form(Action action) {
    return context -> run(context, action, true);
  }

  private void run(Context context, Action action, boolean form) {
    Sessions.Session session = null;
    try {
      Checked checked = checked(context);
      session = checked.session();
      Authentication.Failure ended = checked.ended();
      if (session == null || !session.loggedIn()) {
        if (form) {
          throw new DeniedException("cannot accept the form: you are not logged in"
              + (ended == null ? "" : " (your session ended: " + ended.message() + ")"));
        }
        context.redirect("/login?next=" + URLEncoder.encode(target(context), StandardCharsets.UTF_8)
            + (ended == null ? "" : "&ended=" + ended.name().toLowerCase(Locale.ROOT)), HttpStatus.SEE_OTHER);
        return;
      }
      if (form && !session.csrfMatches(context.formParam("csrf"))) {
        throw new DeniedException("cannot accept the form: its CSRF token is missing or wrong; reload the page and try again");
      }
      action.handle(new WebRequest(context, session, operations.apply(session.principal())));
    } catch (Exception e) {
      renderError(context, session, error(context, e));
    }
  }

  private void loginPage(Context context) {
    Sessions.Session session = session(context);
    if (session == null) {
      session = sessions.open(null, null);
      setCookie(context, session.id());
    }
    templates.render(context, 200, "login.jte", new Page("Log in", null, session.csrf(), "login"),
        new LoginView(next(context.queryParam("next")), ended(context.queryParam("ended"))));
  }

  private void login(Context context) {
    Sessions.Session visitor = session(context);
    try {
      if (visitor == null || !visitor.csrfMatches(context.formParam("csrf"))) {
        throw new DeniedException("cannot accept the form: its CSRF token is missing or wrong; reload the page and try again");
      }
      String next = next(context.formParam("next"));
      String token = context.formParam("token");
      String secret = token == null ? "" : token.strip();
      Authentication authentication = tokens.authenticate(secret);
      if (authentication.failure().isPresent()) {
        templates.render(context, 401, "login.jte", new Page("Log in", null, visitor.csrf(), "login"),
            new LoginView(next, "cannot log in: " + authentication.failure().get().message()));
        return;
      }
      sessions.close(visitor.id());
      Sessions.Session session = sessions.open(authentication.principal().orElseThrow(), Identities.sha256(secret));
      setCookie(context, session.id());
      context.redirect(next, HttpStatus.SEE_OTHER);
    } catch (Exception e) {
      renderError(context, visitor, error(context, e));
    }
  }

  private void logout(WebRequest request) {
    sessions.close(request.session().id());
    request.context().header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        + (secure(request.context()) ? "; Secure" : ""));
    request.context().redirect("/login", HttpStatus.SEE_OTHER);
  }

  private Sessions.Session session(Context context) {
    return sessions.find(context.cookie(COOKIE)).orElse(null);
  }

  /** The request's session with its user as they are now, or why it just ended (its token no longer holds). */
  private record Checked(Sessions.Session session, Authentication.Failure ended) {}

  private Checked checked(Context context) {
    Sessions.Session session = session(context);
    if (session == null || !session.loggedIn()) {
      return new Checked(session, null);
    }
    Authentication now = tokens.recheck(session.tokenHash());
    if (now.failure().isPresent()) {
      sessions.close(session.id());
      return new Checked(null, now.failure().get());
    }
    return new Checked(sessions.refresh(session, now.principal().orElseThrow()), null);
  }

  private static void setCookie(Context context, String id) {
    context.header("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax" + (secure(context) ? "; Secure" : ""));
  }

  /** Whether the browser reached the server over HTTPS, directly or through a proxy that says so. */
  private static boolean secure(Context context) {
    return "https".equalsIgnoreCase(context.scheme()) || "https".equalsIgnoreCase(context.header("X-Forwarded-Proto"));
  }

  private static String target(Context context) {
    String query = context.queryString();
    return context.path() + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  /** Why the last session ended, for the login page; only the reasons a token fails, never text from the link. */
  static String ended(String reason) {
    for (Authentication.Failure failure : Authentication.Failure.values()) {
      if (failure.name().toLowerCase(Locale.ROOT).equals(reason)) {
        return "Your session ended: " + failure.message() + ". Log in again.";
      }
    }
    return null;
  }

  /** Where to go after logging in: a path of this server only, never another site. */
  static String next(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/";
    }
    return next;
  }

  private ErrorView error(Context context, Exception e) {
    if (e instanceof NotFoundException) {
      return ErrorView.of(404, e.getMessage());
    } else if (e instanceof DeniedException) {
      return ErrorView.of(403, e.getMessage());
    } else if (e instanceof InvalidException) {
      return ErrorView.of(400, e.getMessage());
    } else if (e instanceof ConflictException) {
      return ErrorView.of(409, e.getMessage());
    }
    LOG.error("{} {} failed", context.method(), context.path(), e);
    return ErrorView.of(500, "cannot show " + context.path() + ": an internal error occurred (see the server log)");
  }

  private void renderError(Context context, Sessions.Session session, ErrorView error) {
    Page page = session == null || session.principal() == null ? new Page(error.reason(), null, null, "error")
        : new Page(error.reason(), session.principal(), session.csrf(), "error");
    templates.render(context, error.status(), "error.jte", page, error);
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebCatalog.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new EngineException("cannot start the web catalog: " + name + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new EngineException("cannot start the web catalog: cannot read " + name + ": " + e.getMessage(), e);
    }
  }
}
