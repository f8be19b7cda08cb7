package dev.meshwork.server.web;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.WebSession;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the web catalog keeps its sessions, each by the hash of its id: the platform's metadata
 * store, so that they outlive the server and every server on that database shares them.
 */
public interface SessionStore {

  /** Inserts a session, or replaces the one with the same id hash. */
  void save(WebSession session);

  /** The session whose id has this hash, ended or not. */
  Optional<WebSession> find(String idHash);

  /** Removes the session whose id has this hash, if there is one. */
  void delete(String idHash);

  /** Removes the sessions expired at {@code at}. */
  void deleteExpired(Instant at);

  /** Sessions kept in a metadata store. */
  static SessionStore in(MetadataStore store) {
    return new MetadataSessionStore(store);
  }
}
