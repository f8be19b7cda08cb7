package dev.meshwork.spec.load;

import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** Rewrites the YAML parser's messages into sentences a spec author can act on. */
final class SyntaxMessages {

  private SyntaxMessages() {}

  static String explain(MarkedYamlEngineException e, String text) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    if (problem.contains("'\\t'") || problem.contains("\\t(TAB)") || isTabAt(e, text)) {
      return "tab character used for indentation; YAML indents with spaces only";
    }
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return "not valid YAML: " + context + problem.strip();
  }

  private static boolean isTabAt(MarkedYamlEngineException e, String text) {
    return e.getProblemMark()
        .map(mark -> mark.getIndex() < text.length() && text.charAt(mark.getIndex()) == '\t')
        .orElse(false);
  }
}
