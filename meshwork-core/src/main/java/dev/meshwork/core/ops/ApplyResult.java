package dev.meshwork.core.ops;

import dev.meshwork.spec.load.Problem;
import java.util.List;

/** What an apply changed, resource by resource, and the warnings it found. */
public record ApplyResult(List<Change> changes, List<Problem> warnings) {

  public enum Action { CREATED, UPDATED, UNCHANGED }

  /** One resource: {@code label} such as {@code DataProduct orders.daily}, and its generation now. */
  public record Change(String kind, String id, String label, Action action, int generation) {}
}
