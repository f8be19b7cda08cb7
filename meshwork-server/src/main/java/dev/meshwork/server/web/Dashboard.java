package dev.meshwork.server.web;

import dev.meshwork.core.access.AccessFilter;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.server.web.Views.BuildDay;
import dev.meshwork.server.web.Views.Count;
import dev.meshwork.server.web.Views.DomainStats;
import dev.meshwork.server.web.Views.ProductCard;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The dashboard's figures: the mesh per domain, its SLAs and quality, governance and access, builds per day. */
final class Dashboard {

  private static final int RECENT = 1000;
  private static final int DAYS = 14;

  private Dashboard() {}

  static Views.DashboardView view(Operations ops, List<ProductCard> products, Clock clock) {
    Map<String, List<ProductCard>> byDomain = products.stream()
        .collect(Collectors.groupingBy(ProductCard::domain, TreeMap::new, Collectors.toList()));
    List<DomainStats> domains = new ArrayList<>();
    byDomain.forEach((domain, cards) -> domains.add(new DomainStats(domain, cards.size(), count(cards, "fresh"),
        count(cards, "late"), count(cards, "none"), average(cards))));

    List<PolicyResult> results = ops.policyResults(null, RECENT);
    List<Count> outcomes = counts(results.stream().map(r -> r.outcome().name()).toList());
    List<Count> violations = counts(results.stream().filter(r -> r.outcome() == PolicyResult.Outcome.FAILED)
        .map(r -> r.policy() + " on " + r.resourceId()).toList());

    List<AccessRequest> requests = ops.accessRequests(AccessFilter.all(RECENT));
    List<Count> byStatus = counts(requests.stream().map(r -> r.status().toString()).toList());
    List<Duration> leadTimes = requests.stream().map(AccessRequest::timeToAccess).filter(Objects::nonNull).sorted().toList();

    LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(DAYS - 1);
    List<BuildDay> days = BuildsChart.days(since, DAYS, ops.buildsPerDay(since));
    return new Views.DashboardView(domains, outcomes, violations, ops.waivers(false), byStatus,
        leadTimes.isEmpty() ? "no approved request yet" : human(median(leadTimes)), days, BuildsChart.of(days));
  }

  /** The mean quality score of the products that have one, as a percentage. */
  static String average(List<ProductCard> cards) {
    List<Double> scores = cards.stream().map(ProductCard::quality).filter(Objects::nonNull).toList();
    if (scores.isEmpty()) {
      return "no score";
    }
    return Math.round(scores.stream().mapToDouble(Double::doubleValue).average().orElse(0)) + "%";
  }

  static Duration median(List<Duration> sorted) {
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }

  /** A duration as people read it: 45s, 12m, 3h 5m, 2d 4h. */
  static String human(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
    return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
  }

  private static long count(List<ProductCard> cards, String freshness) {
    return cards.stream().filter(c -> c.freshness().equals(freshness)).count();
  }

  private static List<Count> counts(List<String> labels) {
    Map<String, Long> counts = new TreeMap<>();
    labels.forEach(label -> counts.merge(label, 1L, Long::sum));
    return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }
}
