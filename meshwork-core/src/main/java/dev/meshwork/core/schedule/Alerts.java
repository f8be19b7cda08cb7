package dev.meshwork.core.schedule;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.StateChange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Tells owners about their products' state changes: each change that {@linkplain StateChange#alerts()
 * alerts} and has not been alerted yet, as long as it is its product's current state, is written to
 * the home's {@code logs/alerts.log}, POSTed to every webhook, and marked alerted in the store, so
 * that it is sent once, whatever restarts. A webhook that fails is logged, not retried.
 */
final class Alerts {

  private final MetadataStore store;
  private final Webhooks webhooks;
  private final LogFile log;
  private final Clock clock;

  Alerts(MetadataStore store, Webhooks webhooks, LogFile log, Clock clock) {
    this.store = store;
    this.webhooks = webhooks;
    this.log = log;
    this.clock = clock;
  }

  /** Sends what is pending; {@code owners} gives a product's owner (null when unknown). Returns how many went out. */
  int sendPending(Function<String, String> owners) {
    int sent = 0;
    for (StateChange change : store.currentStates()) {
      if (change.alertedAt() != null || !change.alerts()) {
        continue;
      }
      String owner = owners.apply(change.product());
      String text = text(change, owner);
      log.append("ALERT " + change.product() + " " + change.to() + ": " + text);
      List<String> failures = webhooks.post(text);
      failures.forEach(failure -> log.append("cannot deliver the alert of " + change.product() + ": " + failure));
      Instant now = clock.instant();
      store.markAlerted(change.id(), now.isBefore(change.at()) ? change.at() : now);
      sent++;
    }
    return sent;
  }

  /** The alert's text: what changed, and whose product it is. */
  static String text(StateChange change, String owner) {
    String what = change.detail() == null ? change.product() + " is " + change.to() : change.detail();
    return (change.to().bad() ? "" : "Resolved: ") + what + (owner == null ? "" : " (owner: " + owner + ")");
  }
}
