package dev.meshwork.core.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/** A log file of the home, one timestamped line per entry. Failing to write it never fails what is logged. */
final class LogFile {

  private final Path file;
  private final Clock clock;

  LogFile(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  synchronized void append(String line) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, clock.instant() + " " + line.replace('\n', ' ') + System.lineSeparator(),
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log is a convenience; the records in the store are what counts
    }
  }
}
