package dev.meshwork.cli;

import dev.meshwork.client.RemoteOperations;
import dev.meshwork.core.Platform;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.spec.error.InvalidException;
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
      if (mesh.as != null) {
        throw new InvalidException("cannot act as " + mesh.as + " on the platform server at " + remote.get().url()
            + ": --as works on the home in this process; log in with that user's token instead");
      }
      return new Connection(new RemoteOperations(remote.get().url(), remote.get().token(), remote.get().why()), null);
    }
    Platform platform = mesh.platform();
    try {
      return new Connection(mesh.operations(platform), platform);
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
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
