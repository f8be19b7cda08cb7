package dev.meshwork.server.web;

import dev.meshwork.core.spi.BuildCount;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.server.web.Views.Bar;
import dev.meshwork.server.web.Views.BuildDay;
import dev.meshwork.server.web.Views.BuildsChartView;
import dev.meshwork.server.web.Views.Tick;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The builds of every product per day as stacked bars, oldest day on the left: published builds
 * at the bottom, failed ones (interrupted builds count as failed: neither published) on top. Every
 * day of the period has its slot, with or without builds.
 */
final class BuildsChart {

  static final int LEFT = 36;
  static final int TOP = 8;
  static final int PLOT_HEIGHT = 120;
  private static final int SLOT = 40;
  private static final int BAR = 26;
  private static final int LABELS = 18;

  private BuildsChart() {}

  /** The days from {@code since}, {@code days} of them, with what {@code counts} holds of them. */
  static List<BuildDay> days(LocalDate since, int days, List<BuildCount> counts) {
    Map<LocalDate, long[]> byDay = new TreeMap<>();
    for (int i = 0; i < days; i++) {
      byDay.put(since.plusDays(i), new long[2]);
    }
    for (BuildCount count : counts) {
      long[] day = byDay.get(count.day());
      if (day != null && count.status() != BuildRecord.Status.RUNNING) {
        day[count.status() == BuildRecord.Status.PUBLISHED ? 0 : 1] += count.builds();
      }
    }
    List<BuildDay> all = new ArrayList<>();
    byDay.forEach((day, builds) -> all.add(new BuildDay(day.toString(), builds[0], builds[1])));
    return all;
  }

  static BuildsChartView of(List<BuildDay> days) {
    long most = days.stream().mapToLong(d -> d.published() + d.failed()).max().orElse(0);
    long top = Math.max(2, most + most % 2);
    List<Bar> bars = new ArrayList<>();
    List<Tick> labels = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      BuildDay day = days.get(i);
      int x = LEFT + i * SLOT + (SLOT - BAR) / 2;
      int published = height(day.published(), top);
      int failed = height(day.published() + day.failed(), top) - published;
      int base = TOP + PLOT_HEIGHT;
      if (day.published() > 0) {
        bars.add(new Bar(x, base - published, BAR, published, "good", day.day() + ": " + day.published() + " published"));
      }
      if (day.failed() > 0) {
        bars.add(new Bar(x, base - published - failed, BAR, failed, "bad", day.day() + ": " + day.failed() + " failed"));
      }
      labels.add(new Tick(x + BAR / 2, base + LABELS - 4, day.day().substring(5)));
    }
    List<Tick> ticks = new ArrayList<>();
    for (long value : new long[] {0, top / 2, top}) {
      ticks.add(new Tick(LEFT, TOP + PLOT_HEIGHT - height(value, top), String.valueOf(value)));
    }
    long published = days.stream().mapToLong(BuildDay::published).sum();
    long failed = days.stream().mapToLong(BuildDay::failed).sum();
    String title = "Builds per day over the last " + days.size() + " days: " + published + " published, " + failed
        + " failed";
    return new BuildsChartView(LEFT + Math.max(1, days.size()) * SLOT + 8, TOP + PLOT_HEIGHT + LABELS + 4, title,
        bars, ticks, labels);
  }

  private static int height(long builds, long top) {
    return (int) Math.round((double) builds * PLOT_HEIGHT / top);
  }
}
