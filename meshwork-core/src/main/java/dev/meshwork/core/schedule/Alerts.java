package dev.meshwork.core.schedule;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.StateChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Tells owners about their products' state changes: each change that {@linkplain StateChange#alerts()
 * alerts} and has not been alerted yet, as long as it is its product's current state, is written to
 * the home's {@code logs/alerts.log}, POSTed to every webhook, and marked alerted in the store, so
 * that it is sent once, whatever restarts. A webhook that does not take it is tried again after
 * {@link #RETRIES} (1, 5 and 30 minutes), only that webhook and only while the change is still its
 * product's current state; a restart forgets the retries still due.
 */
final class Alerts {

  /** How long after each failed delivery the next is tried; after the last, the alert is given up. */
  static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30));

  /** An alert some webhooks have still to take: which, how many times it was tried, and when next. */
  private record Retry(String product, String text, Set<Integer> webhooks, int attempts, Instant next) {}

  private final MetadataStore store;
  private final Webhooks webhooks;
  private final LogFile log;
  private final Clock clock;
  private final Map<String, Retry> retries = new LinkedHashMap<>();

  Alerts(MetadataStore store, Webhooks webhooks, LogFile log, Clock clock) {
    this.store = store;
    this.webhooks = webhooks;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Sends what is pending, then the retries that are due; {@code owners} gives a product's owner
   * (null when unknown). Returns how many new alerts went out.
   */
  int sendPending(Function<String, String> owners) {
    int sent = 0;
    Map<String, StateChange> current = new HashMap<>();
    for (StateChange change : store.currentStates()) {
      current.put(change.id(), change);
      if (change.alertedAt() != null || !change.alerts()) {
        continue;
      }
      String owner = owners.apply(change.product());
      String text = text(change, owner);
      log.append("ALERT " + change.product() + " " + change.to() + ": " + text);
      Instant now = clock.instant();
      deliver(change.id(), new Retry(change.product(), text,
          new TreeSet<>(IntStream.range(0, webhooks.size()).boxed().toList()), 0, now), now);
      store.markAlerted(change.id(), now.isBefore(change.at()) ? change.at() : now);
      sent++;
    }
    retryDue(current.keySet());
    return sent;
  }

  /** Tries again the deliveries that are due, dropping those whose change is no longer current. */
  private void retryDue(Set<String> currentIds) {
    Instant now = clock.instant();
    for (String id : new ArrayList<>(retries.keySet())) {
      Retry retry = retries.get(id);
      if (!currentIds.contains(id)) {
        retries.remove(id);
        log.append("no longer retrying the alert of " + retry.product() + ": its state changed since");
      } else if (!now.isBefore(retry.next())) {
        deliver(id, retry, now);
      }
    }
  }

  /** Posts an alert to the webhooks that have yet to take it; keeps a retry for those that fail. */
  private void deliver(String id, Retry retry, Instant now) {
    Map<Integer, String> failures = webhooks.post(retry.text(), retry.webhooks());
    int attempt = retry.attempts() + 1;
    if (attempt > 1) {
      retry.webhooks().stream().filter(i -> !failures.containsKey(i)).forEach(i -> log.append(
          "delivered the alert of " + retry.product() + " to " + webhooks.name(i) + " on attempt " + attempt));
    }
    if (failures.isEmpty()) {
      retries.remove(id);
      return;
    }
    boolean giveUp = attempt > RETRIES.size();
    Instant next = giveUp ? null : now.plus(RETRIES.get(attempt - 1));
    failures.values().forEach(failure -> log.append("cannot deliver the alert of " + retry.product() + ": " + failure
        + (giveUp ? "; giving up after " + attempt + " attempts" : "; trying again at " + next)));
    if (giveUp) {
      retries.remove(id);
    } else {
      retries.put(id, new Retry(retry.product(), retry.text(), new TreeSet<>(failures.keySet()), attempt, next));
    }
  }

  /** The alert's text: what changed, and whose product it is. */
  static String text(StateChange change, String owner) {
    String what = change.detail() == null ? change.product() + " is " + change.to() : change.detail();
    return (change.to().bad() ? "" : "Resolved: ") + what + (owner == null ? "" : " (owner: " + owner + ")");
  }
}
