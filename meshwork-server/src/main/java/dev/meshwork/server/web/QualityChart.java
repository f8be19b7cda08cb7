package dev.meshwork.server.web;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.server.web.Views.Bar;
import dev.meshwork.server.web.Views.ChartView;
import java.util.ArrayList;
import java.util.List;

/** The quality score of a product's latest publishes as bars, oldest on the left, 0 to 100 upwards. */
final class QualityChart {

  static final int PUBLISHES = 30;
  static final int LEFT = 36;
  static final int TOP = 8;
  static final int PLOT_HEIGHT = 120;
  private static final int SLOT = 20;
  private static final int BAR = 14;

  private QualityChart() {}

  /** {@code publishes} newest first, as {@code Operations.history} gives them. */
  static ChartView of(List<BuildRecord> publishes) {
    List<BuildRecord> scored = new ArrayList<>(publishes.stream().filter(b -> b.qualityScore() != null).toList());
    java.util.Collections.reverse(scored);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      BuildRecord build = scored.get(i);
      double score = Math.max(0, Math.min(100, build.qualityScore()));
      int height = (int) Math.round(score * PLOT_HEIGHT / 100);
      bars.add(new Bar(LEFT + i * SLOT + (SLOT - BAR) / 2, TOP + PLOT_HEIGHT - height, BAR, height,
          score >= 95 ? "good" : score >= 80 ? "warn" : "bad",
          Format.time(build.finishedAt()) + ", version " + build.version() + ": quality " + Math.round(score) + "%"));
    }
    String title = scored.isEmpty() ? "No quality score recorded yet"
        : "Quality score of the last " + scored.size() + " publish(es): latest "
            + Math.round(scored.get(scored.size() - 1).qualityScore()) + "%, lowest "
            + Math.round(scored.stream().mapToDouble(BuildRecord::qualityScore).min().orElse(0)) + "%";
    return new ChartView(LEFT + Math.max(1, scored.size()) * SLOT + 8, TOP + PLOT_HEIGHT + 8, title, bars);
  }
}
