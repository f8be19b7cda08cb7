package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/** Semantic versions of products and the ranges inputs ask for. */
public final class Versions {

  private Versions() {}

  public static Semver checkSemver(String version) {
    Semver parsed = version == null ? null : Semver.parse(version);
    if (parsed == null) {
      throw new InvalidException("'" + version + "' is not a semantic version (expected MAJOR.MINOR.PATCH, like 2.0.0)");
    }
    return parsed;
  }

  public static RangesList checkRange(String range) {
    RangesList parsed;
    try {
      parsed = range == null || range.isBlank() ? null : RangesListFactory.create(range);
    } catch (RuntimeException e) {
      parsed = null;
    }
    if (parsed == null || parsed.get().isEmpty() && !range.trim().equals("*")) {
      throw new InvalidException("'" + range + "' is not a version range (expected like ^1, ~1.2, 1.x or >=1.2.0 <2.0.0)");
    }
    return parsed;
  }
}
