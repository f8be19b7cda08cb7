package dev.meshwork.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Addresses the client accepts, and what it says when nothing answers there. */
class TransportTest {

  @Test
  void takesHttpAndHttpsAddressesWithoutTheTrailingSlash() {
    assertThat(new RemoteOperations("http://127.0.0.1:7420/", null).url()).isEqualTo("http://127.0.0.1:7420");
    assertThat(new RemoteOperations(" https://mesh.example.com/platform ", "mw_x").url())
        .isEqualTo("https://mesh.example.com/platform");
  }

  @Test
  void refusesWhatIsNoHttpAddress() {
    for (String url : new String[] {"localhost:7420", "ftp://mesh.example.com", "http://", "", "http://a b"}) {
      assertThatThrownBy(() -> new RemoteOperations(url, null)).as(url).isInstanceOf(InvalidException.class)
          .hasMessage("cannot use '" + url + "' as the platform's address: expected http://HOST:PORT "
              + "or https://HOST[:PORT][/PATH], as mesh serve prints it");
    }
  }

  @Test
  void saysThePlatformCannotBeReachedWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RemoteOperations operations = new RemoteOperations("http://127.0.0.1:" + port, "mw_x");
    assertThatThrownBy(() -> operations.status(null)).isInstanceOf(EngineException.class)
        .hasMessage("cannot reach the platform at http://127.0.0.1:" + port + ": connection refused");
  }
}
