package dev.meshwork.client;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.ops.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The scenarios on the platform's own operations, in this process. */
class LocalOperationsIT extends OperationsScenarios {

  private Platform platform;

  @Override
  Operations open(Path home) {
    platform = Platform.open(new Home(home), Map.of(), Clock.systemUTC());
    return platform.operations();
  }

  @Override
  Operations newUser(String name, String email) {
    platform.identities().createUser(name, email, null, false);
    return platform.operationsFor(platform.identities().principal(name));
  }

  @Override
  void close() {
    platform.close();
  }
}
