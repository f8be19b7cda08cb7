package dev.meshwork.server.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Descriptions written in Markdown, as HTML safe to put in a page: raw HTML in the text is
 * escaped, not rendered, and links and images to anything but http(s), mailto and relative
 * addresses are dropped.
 */
final class Markdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private Markdown() {}

  static String html(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return RENDERER.render(PARSER.parse(markdown));
  }

  /** The words of a Markdown text without its markup (emphasis marks, link targets), for one-line summaries. */
  static String text(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return TEXT.render(PARSER.parse(markdown)).strip();
  }
}
