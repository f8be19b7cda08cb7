package dev.meshwork.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** The catalog's JTE templates, compiled with the server; every value they print is HTML-escaped. */
final class Templates {

  /** Set on a request whose page is rendered, so that a status it answers with is not rendered again. */
  static final String RENDERED = "meshwork.web.rendered";

  static final String PACKAGE = "dev.meshwork.server.web.templates";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

  /** Renders {@code template} with the page's layout data and its model as the response, with {@code status}. */
  void render(Context context, int status, String template, Page page, Object model) {
    StringOutput output = new StringOutput();
    context.attribute(RENDERED, Boolean.TRUE);
    engine.render(template, Map.of("page", page, "model", model), output);
    context.status(status)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'")
        .html(output.toString());
  }
}
