package dev.meshwork.server.web;

import dev.meshwork.core.spi.WebSession;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in a map of this process, for the tests of {@link Sessions}' own rules. */
final class MemorySessionStore implements SessionStore {

  private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

  @Override
  public void save(WebSession session) {
    sessions.put(session.idHash(), session);
  }

  @Override
  public Optional<WebSession> find(String idHash) {
    return idHash == null ? Optional.empty() : Optional.ofNullable(sessions.get(idHash));
  }

  @Override
  public void delete(String idHash) {
    if (idHash != null) {
      sessions.remove(idHash);
    }
  }

  @Override
  public void deleteExpired(Instant at) {
    sessions.values().removeIf(session -> session.endedAt(at));
  }
}
