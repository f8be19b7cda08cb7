package dev.meshwork.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code mesh --version}, from the jar's manifest. */
public final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"mesh " + (version == null ? "development build" : version)};
  }
}
