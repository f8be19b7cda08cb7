package dev.meshwork.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeTest {

  @Test
  void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
    Map<String, String> env = Map.of("MESH_HOME", "/srv/mesh");

    assertThat(Home.locate(Path.of("/tmp/h"), env).dir()).isEqualTo(Path.of("/tmp/h"));
    assertThat(Home.locate(null, env).dir()).isEqualTo(Path.of("/srv/mesh"));
    assertThat(Home.locate(null, Map.of()).dir()).isEqualTo(Path.of(".meshwork").toAbsolutePath());
  }
}
