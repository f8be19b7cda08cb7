package dev.meshwork.core.schedule;

import dev.meshwork.core.metrics.Metrics;
import dev.meshwork.core.config.Config;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.ops.Lineage;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.ScheduleState;
import dev.meshwork.core.spi.SecretResolver;
import dev.meshwork.core.spi.StateChange;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Schedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the server runs on its own, once per tick: the products' scheduled builds (cron, and
 * {@code on-upstream} after an input product publishes; upstream products first), the retention
 * run, then the {@link Monitor}'s check and the alerts it calls for. Every job's last run is kept
 * in the metadata store, so a restarted server resumes where it stopped; a time missed while it was
 * down runs once when it is back. Scheduled runs go to the home's {@code logs/scheduler.log}.
 */
public final class Scheduler implements AutoCloseable {

  /** The job name of the scheduled retention run. */
  public static final String RETENTION = "retention";
  private static final long STOP_WAIT_SECONDS = 30;

  private final Registry registry;
  private final Operations operations;
  private final MetadataStore store;
  private final Monitor monitor;
  private final Config.Scheduling settings;
  private final Config.Alerts alertSettings;
  private final SecretResolver secrets;
  private final Path logs;
  private final LogFile log;
  private final Clock clock;
  private Alerts alerts;
  private ScheduledExecutorService executor;
  private volatile boolean stopping;
  private final Metrics metrics;

  /** {@code logs} is the home's logs folder. */
  public Scheduler(Registry registry, Operations operations, MetadataStore store, Config.Scheduling settings,
                   Config.Alerts alerts, SecretResolver secrets, Path logs, Clock clock, Metrics metrics) {
    this.metrics = metrics;
    this.registry = registry;
    this.operations = operations;
    this.store = store;
    this.monitor = new Monitor(registry, store, clock);
    this.settings = settings;
    this.alertSettings = alerts;
    this.secrets = secrets;
    this.logs = logs;
    this.log = new LogFile(logs.resolve("scheduler.log"), clock);
    this.clock = clock;
  }

  public Monitor monitor() {
    return monitor;
  }

  /** Where each scheduled job stands (its last run), ordered by job: {@code build domain.name} or {@code retention}. */
  public List<ScheduleState> jobs() {
    return store.schedules();
  }

  /**
   * Ticks now and then every {@code scheduler.tick}, on a thread of its own, until closed.
   *
   * @throws dev.meshwork.spec.error.InvalidException when a webhook cannot be resolved or is not a URL
   */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    prepare();
    stopping = false;
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mesh-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, settings.tick().toMillis());
    executor.scheduleWithFixedDelay(this::tickQuietly, 0, millis, TimeUnit.MILLISECONDS);
    log.append("started: ticks every " + settings.tick() + ", cron in " + settings.zone() + ", retention "
        + settings.retention() + ", " + alertSettings.webhooks().size() + " webhook(s)");
  }

  /** Runs what is due, checks the products and sends the alerts called for; one tick at a time. */
  public synchronized void tick() {
    prepare();
    Instant now = clock.instant();
    try {
      runSchedules(now);
    } catch (RuntimeException e) {
      log.append("cannot run the schedules: " + message(e));
    }
    if (stopping) {
      return;
    }
    try {
      for (StateChange change : monitor.check()) {
        log.append(change.product() + " " + change.aspect().name().toLowerCase(Locale.ROOT) + ": "
            + (change.from() == null ? "" : change.from() + " -> ") + change.to());
      }
      alerts.sendPending(this::ownerOf);
      metrics.lateProducts((int) monitor.freshness().stream().filter(Freshness::late).count());
    } catch (RuntimeException e) {
      log.append("cannot check the products: " + message(e));
    }
  }

  /** Stops ticking, letting a running tick finish its current build (up to 30 s). */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = executor;
      executor = null;
    }
    stopping = true;
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.append("stopped");
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.append("tick failed: " + message(e));
    }
  }

  private void runSchedules(Instant now) {
    Map<String, ScheduleState> states = new HashMap<>();
    store.schedules().forEach(state -> states.put(state.job(), state));
    for (DataProduct product : Lineage.buildOrder(registry.products())) {
      Schedule schedule = product.spec().schedule();
      String job = "build " + product.ref();
      if (stopping) {
        return;
      }
      if (schedule == null) {
        retire(states.get(job), now);
        continue;
      }
      ScheduleState state = tracked(states.get(job), job, schedule.expression(), now);
      Optional<Instant> due = schedule.isOnUpstream()
          ? Jobs.dueOnUpstream(state, latestUpstreamPublish(product))
          : Jobs.dueCron(state, Cron.parse(schedule.expression(), settings.zone()), now);
      if (due.isPresent()) {
        store.saveSchedule(state.ran(due.get()));
        build(product.ref(), (schedule.isOnUpstream() ? "on-upstream, an input published at " : "cron "
            + schedule.expression() + " at ") + due.get());
      }
    }
    if (settings.retention().equals(Config.Scheduling.OFF)) {
      retire(states.get(RETENTION), now);
    } else if (!stopping) {
      ScheduleState state = tracked(states.get(RETENTION), RETENTION, settings.retention(), now);
      Optional<Instant> due = Jobs.dueCron(state, Cron.parse(settings.retention(), settings.zone()), now);
      if (due.isPresent()) {
        store.saveSchedule(state.ran(due.get()));
        retention(due.get());
      }
    }
  }

  private ScheduleState tracked(ScheduleState stored, String job, String expression, Instant now) {
    ScheduleState state = Jobs.track(stored, job, expression, now);
    if (state != stored) {
      store.saveSchedule(state);
      log.append("scheduled " + job + ": " + expression);
    }
    return state;
  }

  /** Marks a job whose schedule was removed, so that a schedule given again later counts from then. */
  private void retire(ScheduleState stored, Instant now) {
    if (stored != null && !stored.expression().equals(Config.Scheduling.OFF)) {
      store.saveSchedule(Jobs.track(stored, stored.job(), Config.Scheduling.OFF, now));
      log.append("unscheduled " + stored.job());
    }
  }

  private Instant latestUpstreamPublish(DataProduct product) {
    Instant latest = null;
    for (ProductRef upstream : Lineage.upstreamOf(product)) {
      Instant published = store.builds(upstream, BuildRecord.Status.PUBLISHED, 1).stream().findFirst()
          .map(BuildRecord::finishedAt).orElse(null);
      if (published != null && (latest == null || published.isAfter(latest))) {
        latest = published;
      }
    }
    return latest;
  }

  private void build(ProductRef product, String why) {
    try {
      for (BuildRecord record : operations.build(BuildRequest.of(product), BuildListener.NONE)) {
        log.append("build " + product + " (" + why + "): " + record.status()
            + (record.snapshotId() == null ? "" : " snapshot " + record.snapshotId())
            + (record.error() == null ? "" : ": " + record.error()));
      }
    } catch (RuntimeException e) {
      log.append("build " + product + " (" + why + "): cannot build: " + message(e));
    }
  }

  private void retention(Instant due) {
    try {
      List<RetentionRun> runs = operations.retention(Optional.empty(), RetentionRun.SCHEDULE);
      long failed = runs.stream().filter(RetentionRun::failed).count();
      log.append("retention (cron " + settings.retention() + " at " + due + "): " + runs.size() + " product(s), "
          + failed + " failed");
      runs.stream().filter(RetentionRun::failed).forEach(run -> log.append("retention of " + run.product()
          + " failed: " + run.error()));
    } catch (RuntimeException e) {
      log.append("retention (cron " + settings.retention() + " at " + due + "): cannot run: " + message(e));
    }
  }

  private String ownerOf(String product) {
    try {
      return registry.product(ProductRef.parse(product)).map(p -> p.metadata().owner()).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Resolves the webhooks once: secret references are read when the scheduler starts, never stored. */
  private synchronized void prepare() {
    if (alerts == null) {
      Webhooks webhooks = Webhooks.resolve(alertSettings.webhooks(), secrets);
      alerts = new Alerts(store, webhooks, new LogFile(logs.resolve("alerts.log"), clock), clock);
    }
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }
}
