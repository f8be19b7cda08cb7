package dev.meshwork.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.WebSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's small parts: Markdown kept inert, sessions and their store, where a login may lead, durations. */
class WebUnitsTest {

  @Test
  void markdownEscapesHtmlAndDropsUnsafeLinks() {
    assertThat(Markdown.html("**Sales** <script>alert(1)</script> [x](javascript:alert(2)) [y](https://example.com)"))
        .isEqualTo("<p><strong>Sales</strong> &lt;script&gt;alert(1)&lt;/script&gt; <a rel=\"nofollow\" href=\"\">x</a> "
            + "<a rel=\"nofollow\" href=\"https://example.com\">y</a></p>\n");
    assertThat(Markdown.html(null)).isEmpty();
  }

  @Test
  void summariesAreTheWordsWithoutTheMarkup() {
    assertThat(Markdown.text("The **customers** of the [web shop](https://example.com).\n\nMore below."))
        .isEqualTo("The customers of the \"web shop\" (https://example.com).\nMore below.");
    assertThat(Markdown.text("  ")).isEmpty();
  }

  @Test
  void aDocumentsHeadingsCanGoDeeper() {
    assertThat(Markdown.html("# Rows\n\n## Joins\n\n##### Fine print\n", 2))
        .isEqualTo("<h3>Rows</h3>\n<h4>Joins</h4>\n<h6>Fine print</h6>\n");
    assertThat(Markdown.html("# Rows <img src=x onerror=alert(1)>", 2))
        .isEqualTo("<h3>Rows &lt;img src=x onerror=alert(1)&gt;</h3>\n");
    assertThat(Markdown.html("  \n", 2)).isEmpty();
  }

  @Test
  void theRequestFormOffersOnlyWhatTheViewerDoesNotHoldYet() {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    assertThat(ProductPage.offer(List.of(), true, now)).isEqualTo(new Views.AccessOffer(null, true, false));
    AccessRequest masked = request(false, AccessRequest.Status.APPROVED, now.plusSeconds(3600), null);
    assertThat(ProductPage.offer(List.of(masked), true, now)).isEqualTo(new Views.AccessOffer(
        "You hold a grant with the PII masked until 2026-11-22 11:00 UTC.", true, true));
    assertThat(ProductPage.offer(List.of(masked), false, now)).isEqualTo(new Views.AccessOffer(
        "You hold a grant until 2026-11-22 11:00 UTC.", false, true));
    AccessRequest clear = request(true, AccessRequest.Status.PENDING, now.plusSeconds(3600), null);
    assertThat(ProductPage.offer(List.of(masked, clear), true, now)).isEqualTo(new Views.AccessOffer(
        "Your request with the PII in clear is waiting for a decision (owner).", false, false));
    AccessRequest expired = request(true, AccessRequest.Status.APPROVED, now.minusSeconds(1), null);
    AccessRequest forTeam = request(true, AccessRequest.Status.APPROVED, now.plusSeconds(3600), "analysts");
    assertThat(ProductPage.offer(List.of(expired, forTeam), true, now)).isEqualTo(new Views.AccessOffer(null, true, false));
  }

  private static AccessRequest request(boolean pii, AccessRequest.Status status, Instant expiresAt, String forTeam) {
    Instant asked = Instant.parse("2026-11-20T10:00:00Z");
    boolean decided = status != AccessRequest.Status.PENDING;
    return new AccessRequest("r-" + pii + status + forTeam, "shop.customers", "bob", "churn", pii, forTeam, null,
        "owner", status, asked, expiresAt, decided ? "sam" : null, decided ? asked.plusSeconds(60) : null, null, null);
  }

  @Test
  void sessionsEndWhenClosedOrIdle() {
    Clock start = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    Sessions sessions = new Sessions(new MemorySessionStore(), start);
    Sessions.Session session = sessions.open(null, null);
    assertThat(session.id()).isNotEqualTo(session.csrf()).hasSize(43);
    assertThat(sessions.find(session.id())).isPresent();
    assertThat(session.csrfMatches(session.csrf())).isTrue();
    assertThat(session.csrfMatches("other")).isFalse();
    assertThat(session.csrfMatches(null)).isFalse();
    sessions.close(session.id());
    assertThat(sessions.find(session.id())).isEmpty();

    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    Sessions idle = new Sessions(new MemorySessionStore(), clock);
    Sessions.Session old = idle.open(null, null);
    clock.now = clock.now.plus(Sessions.IDLE).minusSeconds(1);
    assertThat(idle.find(old.id())).isPresent();
    clock.now = clock.now.plus(Sessions.IDLE);
    assertThat(idle.find(old.id())).isEmpty();
  }

  @Test
  void aStoreKeepsOnlyTheHashOfASessionsIdAndUsingItExtendsItOnlyOnceSomeOfItsLifePassed() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    SessionStore store = new MemorySessionStore();
    Sessions sessions = new Sessions(store, clock);
    Sessions.Session session = sessions.open(null, "t".repeat(64));
    assertThat(store.find(session.id())).isEmpty();
    assertThat(store.find(Identities.sha256(session.id())))
        .hasValue(new WebSession(Identities.sha256(session.id()), "t".repeat(64), session.csrf(), clock.now.plus(Sessions.IDLE)));

    Instant opened = clock.now;
    clock.now = opened.plus(Sessions.SLACK);
    Sessions.Session found = sessions.find(session.id()).orElseThrow();
    assertThat(found.expiresAt()).isEqualTo(opened.plus(Sessions.IDLE));
    assertThat(found.loggedIn()).isTrue();
    assertThat(found.principal()).isNull();
    assertThat(found.csrf()).isEqualTo(session.csrf());
    clock.now = clock.now.plusSeconds(1);
    assertThat(sessions.find(session.id()).orElseThrow().expiresAt()).isEqualTo(clock.now.plus(Sessions.IDLE));
    assertThat(store.find(Identities.sha256(session.id())).orElseThrow().expiresAt()).isEqualTo(clock.now.plus(Sessions.IDLE));

    clock.now = clock.now.plus(Sessions.IDLE);
    Sessions.Session other = sessions.open(null, null);
    assertThat(store.find(Identities.sha256(session.id()))).isEmpty();
    sessions.close(other.id());
    assertThat(store.find(Identities.sha256(other.id()))).isEmpty();
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void loginLeadsOnlyToThisServer() {
    assertThat(WebCatalog.next("/products/shop.sales")).isEqualTo("/products/shop.sales");
    assertThat(WebCatalog.next("//evil.example.com")).isEqualTo("/");
    assertThat(WebCatalog.next("https://evil.example.com")).isEqualTo("/");
    assertThat(WebCatalog.next("/\\evil.example.com")).isEqualTo("/");
    assertThat(WebCatalog.next(null)).isEqualTo("/");
  }

  @Test
  void leadTimesAreMediansInWords() {
    assertThat(Dashboard.median(List.of(Duration.ofMinutes(1), Duration.ofMinutes(3)))).isEqualTo(Duration.ofMinutes(2));
    assertThat(Dashboard.median(List.of(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(2))))
        .isEqualTo(Duration.ofHours(1));
    assertThat(Dashboard.human(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(Dashboard.human(Duration.ofMinutes(12))).isEqualTo("12m");
    assertThat(Dashboard.human(Duration.ofMinutes(185))).isEqualTo("3h 5m");
    assertThat(Dashboard.human(Duration.ofHours(52))).isEqualTo("2d 4h");
  }
}
