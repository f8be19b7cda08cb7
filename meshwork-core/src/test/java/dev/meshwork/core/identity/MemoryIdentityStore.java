package dev.meshwork.core.identity;

import dev.meshwork.core.spi.ApiToken;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.Team;
import dev.meshwork.core.spi.User;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.NotFoundException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Just the identity part of a metadata store, in memory, for unit tests of {@link Identities}, and
 * the audit entries appended; any other method fails. The JDBC store is held to the same behaviour by the store contract.
 */
final class MemoryIdentityStore {

  final Map<String, User> users = new TreeMap<>();
  final Map<String, Team> teams = new TreeMap<>();
  final Map<String, ApiToken> tokens = new TreeMap<>();
  final List<AuditEntry> audit = new ArrayList<>();

  MetadataStore store() {
    return (MetadataStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetadataStore.class},
        (proxy, method, args) -> call(method.getName(), args));
  }

  private Object call(String method, Object[] args) {
    switch (method) {
      case "saveUser": {
        User user = (User) args[0];
        if (users.containsKey(user.name())) {
          throw new AlreadyExistsException("cannot save user " + user.name() + ": it exists already");
        }
        users.put(user.name(), user);
        return null;
      }
      case "user":
        return Optional.ofNullable(users.get((String) args[0]));
      case "users":
        return List.copyOf(users.values());
      case "saveTeam": {
        Team team = (Team) args[0];
        if (teams.containsKey(team.name())) {
          throw new AlreadyExistsException("cannot save team " + team.name() + ": it exists already");
        }
        teams.put(team.name(), team);
        return null;
      }
      case "team":
        return Optional.ofNullable(teams.get((String) args[0]));
      case "teams":
        return List.copyOf(teams.values());
      case "saveToken": {
        ApiToken token = (ApiToken) args[0];
        tokens.put(token.id(), token);
        return null;
      }
      case "tokenByHash":
        return tokens.values().stream().filter(t -> t.hash().equals(args[0])).findFirst();
      case "tokens": {
        List<ApiToken> list = new ArrayList<>(tokens.values());
        list.removeIf(t -> args[0] != null && !t.user().equals(args[0]));
        list.sort(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id).reversed());
        return list;
      }
      case "revokeToken": {
        ApiToken t = find((String) args[0], "revoke");
        ApiToken revoked = t.revokedAt() != null ? t
            : new ApiToken(t.id(), t.user(), t.hash(), t.createdAt(), t.expiresAt(), (Instant) args[1], t.lastUsedAt());
        tokens.put(t.id(), revoked);
        return revoked;
      }
      case "touchToken": {
        ApiToken t = find((String) args[0], "record the use of");
        tokens.put(t.id(), new ApiToken(t.id(), t.user(), t.hash(), t.createdAt(), t.expiresAt(), t.revokedAt(),
            (Instant) args[1]));
        return null;
      }
      case "appendAudit":
        audit.add((AuditEntry) args[0]);
        return null;
      case "close":
        return null;
      default:
        throw new UnsupportedOperationException(method);
    }
  }

  private ApiToken find(String id, String verb) {
    ApiToken token = tokens.get(id);
    if (token == null) {
      throw new NotFoundException("cannot " + verb + " API token " + id + ": it does not exist");
    }
    return token;
  }
}
