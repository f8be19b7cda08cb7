package dev.meshwork.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Lets a long-running {@code mesh serve} give the heap it no longer uses back to the system when
 * idle: the heap grows while the catalog is read and while requests come in, and the JVM alone
 * keeps it. With the G1 collector, a collection runs after {@link #INTERVAL_MILLIS} without one,
 * and every collection that ends a marking cycle shrinks the heap to at most 30% free. Options
 * set on the command line ({@code MESH_JAVA_OPTS}) are left as they are.
 */
final class IdleMemory {

  static final long INTERVAL_MILLIS = 15_000;

  private IdleMemory() {}

  static void returnWhenIdle() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (vm == null) {
      return;
    }
    setIfDefault(vm, "MinHeapFreeRatio", "10");
    setIfDefault(vm, "MaxHeapFreeRatio", "30");
    setIfDefault(vm, "G1PeriodicGCInterval", String.valueOf(INTERVAL_MILLIS));
  }

  private static void setIfDefault(HotSpotDiagnosticMXBean vm, String option, String value) {
    try {
      if (vm.getVMOption(option).getOrigin() == VMOption.Origin.DEFAULT) {
        vm.setVMOption(option, value);
      }
    } catch (IllegalArgumentException e) {
      // this JVM has no such option, or refuses the value next to one set on the command line
    }
  }
}
