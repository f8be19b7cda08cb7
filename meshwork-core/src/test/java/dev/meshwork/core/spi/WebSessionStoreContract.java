package dev.meshwork.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MetadataStore} guarantees about the web catalog's sessions; part of
 * {@link MetadataStoreContract}, which gives each test a fresh store.
 */
public interface WebSessionStoreContract {

  Instant EXPIRY = Instant.parse("2026-11-21T10:00:00.123Z");
  String VISITOR_HASH = "a".repeat(64);
  String USER_HASH = "b".repeat(64);
  String TOKEN_HASH = "c".repeat(64);

  /** The store under test. */
  MetadataStore store();

  /** Closes the store under test and opens another on its database. */
  void reopenStore();

  @Test
  default void webSessionsRoundTripAndAreReplacedByIdHash() {
    WebSession visitor = new WebSession(VISITOR_HASH, null, "csrf-of-the-visitor", EXPIRY);
    WebSession user = new WebSession(USER_HASH, TOKEN_HASH, "csrf-of-the-user", EXPIRY.plusSeconds(60));
    store().saveWebSession(visitor);
    store().saveWebSession(user);
    WebSession extended = user.until(EXPIRY.plusSeconds(3600));
    store().saveWebSession(extended);

    assertThat(store().webSession(VISITOR_HASH)).hasValue(visitor);
    assertThat(store().webSession(USER_HASH)).hasValue(extended);
    reopenStore();
    assertThat(store().webSession(VISITOR_HASH)).hasValue(visitor);
    assertThat(store().webSession(USER_HASH)).hasValue(extended);
    assertThat(store().webSession("d".repeat(64))).isEmpty();
    assertThat(store().webSession(null)).isEmpty();
  }

  @Test
  default void aDeletedWebSessionIsGoneAndTheOthersStay() {
    WebSession visitor = new WebSession(VISITOR_HASH, null, "csrf-of-the-visitor", EXPIRY);
    WebSession user = new WebSession(USER_HASH, TOKEN_HASH, "csrf-of-the-user", EXPIRY);
    store().saveWebSession(visitor);
    store().saveWebSession(user);

    store().deleteWebSession(VISITOR_HASH);
    store().deleteWebSession(VISITOR_HASH);
    store().deleteWebSession(null);

    assertThat(store().webSession(VISITOR_HASH)).isEmpty();
    assertThat(store().webSession(USER_HASH)).hasValue(user);
  }

  @Test
  default void theWebSessionsExpiredAtAnInstantAreDeleted() {
    WebSession ended = new WebSession(VISITOR_HASH, null, "csrf-1", EXPIRY.minusMillis(1));
    WebSession endingNow = new WebSession(USER_HASH, TOKEN_HASH, "csrf-2", EXPIRY);
    WebSession live = new WebSession("d".repeat(64), TOKEN_HASH, "csrf-3", EXPIRY.plusMillis(1));
    store().saveWebSession(ended);
    store().saveWebSession(endingNow);
    store().saveWebSession(live);

    assertThat(store().deleteExpiredWebSessions(EXPIRY)).isEqualTo(2);
    assertThat(store().deleteExpiredWebSessions(EXPIRY)).isZero();
    assertThat(store().webSession(VISITOR_HASH)).isEmpty();
    assertThat(store().webSession(USER_HASH)).isEmpty();
    assertThat(store().webSession(live.idHash())).hasValue(live);
    assertThatThrownBy(() -> store().deleteExpiredWebSessions(null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot delete the expired web sessions: the time is missing");
  }

  @Test
  default void aWebSessionIsValidatedWhenMadeAndKnowsWhenItEnds() {
    assertThatThrownBy(() -> store().saveWebSession(null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a web session: it is missing");
    assertThatThrownBy(() -> new WebSession(" ", null, "csrf", EXPIRY))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a web session: its id hash is blank");
    assertThatThrownBy(() -> new WebSession(VISITOR_HASH, null, "", EXPIRY))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a web session: its CSRF token is blank");
    assertThatThrownBy(() -> new WebSession(VISITOR_HASH, null, "csrf", null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a web session: its expiry is missing");
    WebSession session = new WebSession(VISITOR_HASH, null, "csrf", EXPIRY);
    assertThat(session.loggedIn()).isFalse();
    assertThat(new WebSession(USER_HASH, TOKEN_HASH, "csrf", EXPIRY).loggedIn()).isTrue();
    assertThat(session.endedAt(EXPIRY.minusMillis(1))).isFalse();
    assertThat(session.endedAt(EXPIRY)).isTrue();
  }
}
