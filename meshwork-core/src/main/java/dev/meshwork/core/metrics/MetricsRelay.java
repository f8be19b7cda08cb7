package dev.meshwork.core.metrics;

import dev.meshwork.core.spi.BuildRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The platform's {@link Metrics}: passes everything reported on to the recorders attached to it,
 * so that the platform can report from the start while a recorder (the server's) attaches later.
 * Until one is attached, what is reported is dropped. A recorder that throws is ignored: metrics
 * never fail the work they describe.
 */
public final class MetricsRelay implements Metrics {

  private final List<Metrics> recorders = new CopyOnWriteArrayList<>();

  /** From now on, {@code recorder} hears everything reported; detach it with {@link #detach}. */
  public void attach(Metrics recorder) {
    recorders.add(recorder);
  }

  public void detach(Metrics recorder) {
    recorders.remove(recorder);
  }

  @Override
  public void built(BuildRecord build) {
    each(recorder -> recorder.built(build));
  }

  @Override
  public void lateProducts(int count) {
    each(recorder -> recorder.lateProducts(count));
  }

  @Override
  public void accessRequest(String decision) {
    each(recorder -> recorder.accessRequest(decision));
  }

  @Override
  public void timeToAccess(Duration leadTime) {
    each(recorder -> recorder.timeToAccess(leadTime));
  }

  private void each(Consumer<Metrics> report) {
    for (Metrics recorder : recorders) {
      try {
        report.accept(recorder);
      } catch (RuntimeException e) {
        // a recorder's failure must not fail the build or request it describes
      }
    }
  }
}
