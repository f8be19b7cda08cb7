package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.time.LocalDate;

/** One line of a product's changelog. */
public record ChangelogEntry(String version, LocalDate date, String note) {

  public ChangelogEntry {
    Versions.checkSemver(version);
    if (note == null || note.isBlank()) {
      throw new InvalidException("a changelog entry needs a note");
    }
  }
}
