package dev.meshwork.core.config;

import dev.meshwork.spec.Durations;
import dev.meshwork.spec.Schedule;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.Node;
import dev.meshwork.spec.load.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code scheduler} and {@code alerts} sections of a home's configuration. */
final class ScheduleSettings {

  private ScheduleSettings() {}

  static Config.Scheduling scheduling(Map<String, Node> values, Config.Scheduling defaults, List<Problem> problems) {
    Duration tick = defaults.tick();
    Node.Scalar value = present(values, "scheduler.tick");
    if (value != null) {
      try {
        tick = Durations.parse(value.value());
      } catch (InvalidException e) {
        problems.add(Problem.error(value.position(), "scheduler.tick", e.getMessage()));
      }
    }
    String retention = defaults.retention();
    value = present(values, "scheduler.retention");
    if (value != null) {
      retention = value.value().trim();
      if (!retention.equals(Config.Scheduling.OFF)) {
        try {
          if (new Schedule(retention).isOnUpstream()) {
            problems.add(Problem.error(value.position(), "scheduler.retention",
                "expected a cron expression or off, not on-upstream"));
          }
        } catch (InvalidException e) {
          problems.add(Problem.error(value.position(), "scheduler.retention", e.getMessage()));
        }
      }
    }
    ZoneId zone = defaults.zone();
    value = present(values, "scheduler.zone");
    if (value != null) {
      try {
        zone = ZoneId.of(value.value().trim());
      } catch (DateTimeException e) {
        problems.add(Problem.error(value.position(), "scheduler.zone",
            "'" + value.value() + "' is not a time zone (expected UTC or a region like Europe/Paris)"));
      }
    }
    return new Config.Scheduling(tick, retention, zone);
  }

  static Config.Alerts alerts(Map<String, Node> values, Config.Alerts defaults, List<Problem> problems) {
    Node node = values.get("alerts.webhooks");
    if (node == null || node instanceof Node.Scalar scalar && scalar.isNull()) {
      return defaults;
    }
    List<Node> items = node instanceof Node.Sequence list ? list.items() : List.of(node);
    List<String> webhooks = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "alerts.webhooks[" + i + "]";
      if (!(items.get(i) instanceof Node.Scalar item) || item.isNull()) {
        problems.add(Problem.error(items.get(i).position(), path,
            "expected a URL or a secret reference like ${env:NAME}, not " + items.get(i).describe()));
        continue;
      }
      String url = item.value().trim();
      String problem = webhookProblem(url);
      if (problem != null) {
        problems.add(Problem.error(item.position(), path, problem));
      } else {
        webhooks.add(url);
      }
    }
    return new Config.Alerts(webhooks);
  }

  /** What is wrong with a webhook as written, or null: an http(s) URL, or a secret reference read at start. */
  private static String webhookProblem(String url) {
    if (url.startsWith("${")) {
      return url.endsWith("}") ? null : "a secret reference is written ${env:NAME} or ${file:/path}";
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return null;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    return "expected an http or https URL, or a secret reference like ${env:NAME}";
  }

  /** The scalar written for a key, or null when the key is absent, empty or not a scalar. */
  static Node.Scalar scalar(Map<String, Node> values, String key) {
    return values.get(key) instanceof Node.Scalar scalar ? scalar : null;
  }

  private static Node.Scalar present(Map<String, Node> values, String key) {
    Node.Scalar scalar = scalar(values, key);
    return scalar == null || scalar.isNull() ? null : scalar;
  }
}
