package dev.meshwork.server.web;

import static dev.meshwork.core.spi.BuildRecord.Status.FAILED;
import static dev.meshwork.core.spi.BuildRecord.Status.INTERRUPTED;
import static dev.meshwork.core.spi.BuildRecord.Status.PUBLISHED;
import static dev.meshwork.core.spi.BuildRecord.Status.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwork.core.spi.BuildCount;
import dev.meshwork.server.web.Views.Bar;
import dev.meshwork.server.web.Views.BuildDay;
import dev.meshwork.server.web.Views.BuildsChartView;
import dev.meshwork.server.web.Views.Tick;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's builds per day: every day of the period, failed and interrupted builds stacked on the published ones. */
class BuildsChartTest {

  static final LocalDate FIRST = LocalDate.parse("2026-11-19");

  @Test
  void everyDayOfThePeriodHasItsPublishedAndFailedBuildsAndRunningOnesAreLeftOut() {
    List<BuildDay> days = BuildsChart.days(FIRST, 3, List.of(new BuildCount(FIRST.minusDays(1), PUBLISHED, 9),
        new BuildCount(FIRST, PUBLISHED, 3), new BuildCount(FIRST, FAILED, 1), new BuildCount(FIRST, INTERRUPTED, 1),
        new BuildCount(FIRST.plusDays(2), RUNNING, 4), new BuildCount(FIRST.plusDays(2), FAILED, 2)));

    assertThat(days).containsExactly(new BuildDay("2026-11-19", 3, 2), new BuildDay("2026-11-20", 0, 0),
        new BuildDay("2026-11-21", 0, 2));
  }

  @Test
  void barsStackFailedBuildsOnPublishedOnesOnAnAxisUpToAnEvenCount() {
    BuildsChartView chart = BuildsChart.of(List.of(new BuildDay("2026-11-19", 3, 2), new BuildDay("2026-11-20", 0, 0),
        new BuildDay("2026-11-21", 0, 2)));

    assertThat(chart.title()).isEqualTo("Builds per day over the last 3 days: 3 published, 4 failed");
    assertThat(chart.ticks()).extracting(Tick::label).containsExactly("0", "3", "6");
    assertThat(chart.bars()).extracting(Bar::badge, Bar::title).containsExactly(
        tuple("good", "2026-11-19: 3 published"),
        tuple("bad", "2026-11-19: 2 failed"),
        tuple("bad", "2026-11-21: 2 failed"));
    Bar published = chart.bars().get(0);
    Bar failed = chart.bars().get(1);
    assertThat(published.y() + published.height()).isEqualTo(BuildsChart.TOP + BuildsChart.PLOT_HEIGHT);
    assertThat(failed.y() + failed.height()).isEqualTo(published.y());
    assertThat(published.height()).isEqualTo(60);
    assertThat(failed.height()).isEqualTo(40);
    assertThat(chart.days()).extracting(Tick::label).containsExactly("11-19", "11-20", "11-21");
  }

  @Test
  void aPeriodWithoutBuildsHasAnAxisAndNoBar() {
    BuildsChartView chart = BuildsChart.of(BuildsChart.days(FIRST, 14, List.of()));

    assertThat(chart.title()).isEqualTo("Builds per day over the last 14 days: 0 published, 0 failed");
    assertThat(chart.bars()).isEmpty();
    assertThat(chart.ticks()).extracting(Tick::label).containsExactly("0", "1", "2");
    assertThat(chart.days()).hasSize(14);
  }
}
