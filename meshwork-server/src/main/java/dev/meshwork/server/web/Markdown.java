package dev.meshwork.server.web;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Descriptions and READMEs written in Markdown, as HTML safe to put in a page: raw HTML in the text is
 * escaped, not rendered, and links and images to anything but http(s), mailto and relative
 * addresses are dropped.
 */
final class Markdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private Markdown() {}

  static String html(String markdown) {
    return html(markdown, 0);
  }

  /**
   * Like {@link #html(String)}, with every heading {@code deeper} levels down (at most h6), so a
   * document's own headings fall under the page's heading of the section showing it.
   */
  static String html(String markdown, int deeper) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    Node document = PARSER.parse(markdown);
    if (deeper > 0) {
      document.accept(new AbstractVisitor() {
        @Override
        public void visit(Heading heading) {
          heading.setLevel(Math.min(6, heading.getLevel() + deeper));
          visitChildren(heading);
        }
      });
    }
    return RENDERER.render(document);
  }

  /** The words of a Markdown text without its markup (emphasis marks, link targets), for one-line summaries. */
  static String text(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return TEXT.render(PARSER.parse(markdown)).strip();
  }
}
