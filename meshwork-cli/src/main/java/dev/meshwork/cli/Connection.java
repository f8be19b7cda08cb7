package dev.meshwork.cli;

import dev.meshwork.client.RemoteOperations;
import dev.meshwork.core.Platform;
import dev.meshwork.core.ops.Operations;
import java.util.Optional;

/**
 * Where a command's operations run: on a platform server over HTTP when one is set
 * ({@link RemoteTarget}), else on the home in this process. Closing it closes the platform it
 * opened, releasing the home.
 */
final class Connection implements AutoCloseable {

  private final Operations operations;
  private final Platform platform;

  private Connection(Operations operations, Platform platform) {
    this.operations = operations;
    this.platform = platform;
  }

  static Connection open(MeshCommand mesh) {
    Optional<RemoteTarget> remote = RemoteTarget.find(mesh.environment(), mesh.home());
    if (remote.isPresent()) {
      return new Connection(new RemoteOperations(remote.get().url(), remote.get().token()), null);
    }
    Platform platform = mesh.platform();
    return new Connection(platform.operations(), platform);
  }

  Operations operations() {
    return operations;
  }

  @Override
  public void close() {
    if (platform != null) {
      platform.close();
    }
  }
}
