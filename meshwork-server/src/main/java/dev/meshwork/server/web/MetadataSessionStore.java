package dev.meshwork.server.web;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.WebSession;
import java.time.Instant;
import java.util.Optional;

/** Sessions in the platform's metadata store: they outlive the server and are shared by the servers on its database. */
record MetadataSessionStore(MetadataStore store) implements SessionStore {

  @Override
  public void save(WebSession session) {
    store.saveWebSession(session);
  }

  @Override
  public Optional<WebSession> find(String idHash) {
    return store.webSession(idHash);
  }

  @Override
  public void delete(String idHash) {
    store.deleteWebSession(idHash);
  }

  @Override
  public void deleteExpired(Instant at) {
    store.deleteExpiredWebSessions(at);
  }
}
