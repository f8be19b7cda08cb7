package dev.meshwork.core;

import dev.meshwork.core.access.AccessControl;
import dev.meshwork.core.audit.AuditLog;
import dev.meshwork.core.build.Builder;
import dev.meshwork.core.build.Revealer;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.config.Config;
import dev.meshwork.core.config.ConfigReader;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.keys.KeyStore;
import dev.meshwork.core.metrics.MetricsRelay;
import dev.meshwork.core.ops.LocalOperations;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.policy.Governance;
import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.schedule.Monitor;
import dev.meshwork.core.schedule.Scheduler;
import dev.meshwork.core.secrets.StandardSecretResolver;
import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.SecretResolver;
import dev.meshwork.core.spi.Settings;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.spec.Domain;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.error.InvalidException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A platform running in this process on a home: it takes the home's lock, reads its
 * configuration, opens the implementations it names, and offers the {@link Operations}.
 */
public final class Platform implements AutoCloseable {

  private final Home.Lock lock;
  private final MetadataStore store;
  private final TableStore tables;
  private final Engine engine;
  private final LocalOperations operations;
  private final Identities identities;
  private final Scheduler scheduler;
  private final MetricsRelay metrics;
  private final AuditLog audit;

  private Platform(Home.Lock lock, MetadataStore store, TableStore tables, Engine engine, LocalOperations operations,
                   Identities identities, Scheduler scheduler, MetricsRelay metrics, AuditLog audit) {
    this.lock = lock;
    this.store = store;
    this.tables = tables;
    this.engine = engine;
    this.operations = operations;
    this.identities = identities;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.audit = audit;
  }

  /**
   * Opens the home, creating it when new. Builds that a dead process left running are marked
   * interrupted: the home's lock proves no other process runs them.
   */
  public static Platform open(Home home, Map<String, String> environment, Clock clock) {
    Home.Lock lock = home.lock();
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Config config = ConfigReader.read(home);
      SecretResolver secrets = new StandardSecretResolver(environment);
      Settings settings = new Settings(config.store().url(), config.store().user(),
          config.store().password() == null ? null : secrets.resolve(config.store().password()),
          config.lake().path(), home.temp(), config.engine().threads(), config.engine().memoryLimit());
      MetadataStore store = create(MetadataStore.class, "store", config.store().type(), settings, opened);
      TableStore tables = create(TableStore.class, "lake", config.lake().type(), settings, opened);
      Engine engine = create(Engine.class, "engine", config.engine().type(), settings, opened);
      store.interruptRunningBuilds(clock.instant(), "interrupted: the process running the build stopped before it ended");
      AuditLog audit = new AuditLog(store, clock);
      Governance governance = new Governance(store, clock, audit);
      Registry registry = new Registry(store, governance);
      MetricsRelay metrics = new MetricsRelay();
      KeyStore keys = new KeyStore(home.keys(), environment);
      Builder builder = new Builder(registry, engine, tables, store, secrets, keys, governance, clock, metrics);
      Identities identities = new Identities(store, clock, () -> registry.all(Kind.DOMAIN).stream()
          .map(applied -> (Domain) applied.resource()).toList(), audit);
      AccessControl access = new AccessControl(registry, store, governance, clock, metrics);
      LocalOperations operations = new LocalOperations(registry, builder, tables, store, engine,
          governance, access, new Revealer(keys), home.logs().resolve("builds.log"), clock,
          java.time.Duration.ofSeconds(config.engine().queryTimeout()), audit, Principal.LOCAL);
      Scheduler scheduler = new Scheduler(registry, operations.as(Principal.SCHEDULER), store, config.scheduler(), config.alerts(), secrets,
          home.logs(), clock, metrics);
      return new Platform(lock, store, tables, engine, operations, identities, scheduler, metrics, audit);
    } catch (RuntimeException e) {
      for (AutoCloseable closeable : opened) {
        closeQuietly(closeable);
      }
      lock.close();
      throw e;
    }
  }

  /** The operations, acting as the home's operator ({@link Principal#LOCAL}). */
  public Operations operations() {
    return operations;
  }

  /** The operations, acting as {@code caller}. */
  public Operations operationsFor(Principal caller) {
    return operations.as(caller);
  }

  /** The metadata store, for what a server keeps beside the platform's records (the web catalog's sessions). */
  public MetadataStore store() {
    return store;
  }

  /** Users, teams and API tokens. */
  public Identities identities() {
    return identities;
  }

  /** The audit log, for what is refused before the operations are reached (a server's own checks). */
  public AuditLog audit() {
    return audit;
  }

  /** Scheduled builds, the retention run, SLA checks and alerts; {@code mesh serve} starts it, closing stops it. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Every product's freshness now, and the recorded history of its freshness and build health. */
  public Monitor monitor() {
    return scheduler.monitor();
  }

  /**
   * Reads the applied resources and indexes the products for search and lineage now, rather
   * than in the first requests that need them: a server calls it in the background as it starts.
   */
  public void warm() {
    operations.warm();
  }

  /**
   * What the platform reports about itself (builds as they end; late products and access
   * decisions from the parts that find them). A monitoring recorder attaches here.
   */
  public MetricsRelay metrics() {
    return metrics;
  }

  @Override
  public void close() {
    closeQuietly(scheduler);
    closeQuietly(engine);
    closeQuietly(tables);
    closeQuietly(store);
    lock.close();
  }

  private static <T> T create(Class<T> type, String section, String name, Settings settings, List<AutoCloseable> opened) {
    List<String> available = new ArrayList<>();
    for (Provider provider : ServiceLoader.load(Provider.class)) {
      if (provider.type() != type) {
        continue;
      }
      if (provider.name().equals(name)) {
        T instance = type.cast(provider.create(settings));
        opened.add((AutoCloseable) instance);
        return instance;
      }
      available.add(provider.name());
    }
    throw new InvalidException("cannot open the platform: " + section + ".type is '" + name + "', but no such "
        + type.getSimpleName() + " is installed" + (available.isEmpty() ? "" : " (available: " + String.join(", ", available) + ")"));
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing on the way out: nothing more to do
    }
  }
}
