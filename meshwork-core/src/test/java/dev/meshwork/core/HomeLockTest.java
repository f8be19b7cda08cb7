package dev.meshwork.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.ConflictException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLockTest {

  @TempDir
  Path dir;

  @Test
  void createsTheHomeLayout() {
    Home home = new Home(dir.resolve("home"));
    try (Home.Lock lock = home.lock()) {
      assertThat(home.meta()).isDirectory();
      assertThat(home.lake()).isDirectory();
      assertThat(home.keys()).isDirectory();
      assertThat(home.logs()).isDirectory();
      assertThat(home.temp()).isDirectory();
    }
  }

  @Test
  void aSecondHolderIsToldWhoHasTheHome() throws Exception {
    Home home = new Home(dir);
    try (Home.Lock lock = home.lock()) {
      // the lock is per process; a second channel in the same JVM is refused the same way
      assertThatThrownBy(home::lock)
          .isInstanceOf(ConflictException.class)
          .hasMessage("cannot open the platform home " + dir + ": it is in use by another process (pid "
              + ProcessHandle.current().pid() + "); wait for it to finish, or stop the server that serves this home");
    }
    try (Home.Lock again = home.lock()) {
      assertThat(Files.readString(dir.resolve(".lock"))).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    }
  }
}
