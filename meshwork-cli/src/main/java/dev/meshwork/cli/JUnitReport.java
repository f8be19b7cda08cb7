package dev.meshwork.cli;

import dev.meshwork.core.policy.PolicyCheck;
import dev.meshwork.core.policy.PolicyEngine;
import dev.meshwork.core.spi.PolicyResult;

/** A policy check as JUnit XML: one test suite per product, one test case per policy. */
final class JUnitReport {

  private JUnitReport() {}

  static String of(PolicyCheck.Report report) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"mesh policy check\" tests=\"").append(report.results().size())
        .append("\" failures=\"").append(report.failed()).append("\">\n");
    report.results().stream().map(PolicyCheck.Result::product).distinct().forEach(product -> {
      var results = report.results().stream().filter(r -> r.product().equals(product)).toList();
      long failures = results.stream().filter(r -> r.status() == PolicyResult.Outcome.FAILED).count();
      long skipped = results.stream().filter(r -> r.status() == PolicyResult.Outcome.SKIPPED).count();
      xml.append("  <testsuite name=\"").append(escape(product)).append("\" tests=\"").append(results.size())
          .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
      for (PolicyCheck.Result result : results) {
        xml.append("    <testcase classname=\"").append(escape(product)).append("\" name=\"").append(escape(result.policy()))
            .append("\" file=\"").append(escape(result.file())).append('"');
        switch (result.status()) {
          case FAILED -> xml.append(">\n      <failure message=\"").append(escape(result.message()))
              .append("\" type=\"policy\">").append(escape(result.file() + ": policy " + result.policy() + ": " + result.message()))
              .append("</failure>\n    </testcase>\n");
          case WARNED -> xml.append(">\n      <system-out>").append(escape("warning: " + result.message()))
              .append("</system-out>\n    </testcase>\n");
          case SKIPPED -> xml.append(">\n      <skipped message=\"its when condition does not hold\"/>\n    </testcase>\n");
          default -> xml.append("/>\n");
        }
      }
      xml.append("  </testsuite>\n");
    });
    return xml.append("</testsuites>\n").toString();
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
