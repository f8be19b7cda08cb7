package dev.meshwork.server.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Descriptions written in Markdown, as HTML safe to put in a page: raw HTML in the text is
 * escaped, not rendered, and links and images to anything but http(s), mailto and relative
 * addresses are dropped.
 */
final class Markdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private Markdown() {}

  static String html(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return RENDERER.render(PARSER.parse(markdown));
  }
}
