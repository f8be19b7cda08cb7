package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.InvalidException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsToOneMebibyteBodiesAndThirtySecondsOfDrain() {
    ServerOptions options = ServerOptions.of("127.0.0.1", 7420);
    assertThat(options.maxBodyBytes()).isEqualTo(1_048_576);
    assertThat(options.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.specBase()).isEqualTo(Path.of("").toAbsolutePath());
  }

  @Test
  void rejectsBadValues() {
    assertThatThrownBy(() -> ServerOptions.of(" ", 1)).isInstanceOf(InvalidException.class)
        .hasMessage("cannot start the server: the bind address is blank");
    assertThatThrownBy(() -> ServerOptions.of("127.0.0.1", 70000)).isInstanceOf(InvalidException.class)
        .hasMessage("cannot start the server: port 70000 is not from 0 to 65535");
    assertThatThrownBy(() -> ServerOptions.of("127.0.0.1", 0).withMaxBodyBytes(0)).isInstanceOf(InvalidException.class)
        .hasMessage("cannot start the server: the largest body must be at least 1 byte, not 0");
  }
}
