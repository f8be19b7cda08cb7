package dev.meshwork.examples;

import dev.meshwork.examples.World.Campaign;
import dev.meshwork.examples.World.Click;
import dev.meshwork.examples.World.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Storefront events of the last days: sessions browsing the shops, some arriving from a running
 * campaign's link (utm_campaign, in whatever case the link was typed), anonymous visitors,
 * crawlers, and events the collector delivered twice. Someone is on a product page right now.
 */
final class Clickstream {

  static final int DAYS = 14;
  private static final List<String> BROWSERS = List.of(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
      "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0");
  private static final List<String> BOTS = List.of(
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
      "SiteAuditCrawler/1.3", "Mozilla/5.0 (compatible; YandexSpider/3.0)");
  private static final List<String> CATEGORIES = List.of("new", "sale", "home", "outdoor", "gifts", "kitchen");
  private static final List<String> SEARCHES = List.of("gift", "blue", "coffee", "tent", "mug", "lamp");

  private final Dice dice;
  private final Instant now;
  private final List<String> products;
  private final List<Tenant> tenants;
  private final List<Campaign> campaigns;
  private final int users;
  private final List<Click> clicks = new ArrayList<>();

  private Clickstream(Dice dice, Instant now, List<String> products, List<Tenant> tenants, List<Campaign> campaigns,
                      int users) {
    this.dice = dice;
    this.now = now;
    this.products = products;
    this.tenants = tenants;
    this.campaigns = campaigns;
    this.users = users;
  }

  /** {@code sessionsPerDay} sessions a day over {@link #DAYS} days, viewing the given products. */
  static List<Click> generate(Dice dice, Instant now, int sessionsPerDay, List<String> products, List<Tenant> tenants,
                              List<Campaign> campaigns, int users) {
    Clickstream stream = new Clickstream(dice, now, products, tenants, campaigns, users);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (int d = DAYS - 1; d >= 0; d--) {
      Instant dayStart = today.minusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant();
      long span = Math.min(86_400, Duration.between(dayStart, now).toSeconds());
      long sessions = Math.max(3, sessionsPerDay * span / 86_400);
      for (long s = 0; s < sessions; s++) {
        stream.session(dayStart.plusSeconds(dice.between(0, span - 1)), false);
      }
    }
    stream.session(now.minusSeconds(150), true);
    stream.clicks.sort(Comparator.comparing(Click::eventTs).thenComparing(Click::eventId));
    return List.copyOf(stream.clicks);
  }

  private void session(Instant start, boolean live) {
    Tenant tenant = dice.pick(tenants);
    String session = dice.uuid().toString();
    boolean bot = !live && dice.chance(0.04);
    String agent = bot ? dice.pick(BOTS) : dice.pick(BROWSERS);
    String user = live || (!bot && dice.chance(0.75)) ? "u_" + dice.between(100_000, 100_000 + users) : null;
    Instant at = start.plusMillis(dice.between(0, 999));
    int pages = bot ? dice.between(3, 10) : dice.between(1, 6);
    for (int page = 0; page < pages; page++) {
      String url = page == 0 ? landing(tenant, at, live) : next(tenant);
      event("page_view", user, session, url, agent, at);
      if (!bot && url.contains("/products/")) {
        if (dice.chance(0.3)) {
          event("click", user, session, url, agent, at.plusSeconds(dice.between(2, 20)));
        }
        if (dice.chance(0.15)) {
          event("add_to_cart", user, session, url, agent, at.plusSeconds(dice.between(5, 40)));
        }
      }
      at = at.plusSeconds(bot ? dice.between(1, 3) : live ? 30 : dice.between(5, 120));
    }
  }

  private String landing(Tenant tenant, Instant at, boolean live) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    List<Campaign> running = campaigns.stream()
        .filter(c -> c.id() != null && c.tenantId().equals(tenant.id()) && !c.startDate().isAfter(day)
            && (c.endDate() == null || !c.endDate().isBefore(day)))
        .toList();
    if (!running.isEmpty() && (live || dice.chance(0.35))) {
      Campaign campaign = dice.pick(running);
      String medium = campaign.channel();
      String source = switch (medium) {
        case "email" -> "newsletter";
        case "social" -> dice.pick(List.of("instagram", "facebook"));
        case "search" -> "google";
        case "display" -> "gdn";
        default -> "partner";
      };
      return product(tenant) + "?utm_source=" + source + "&utm_medium=" + medium + "&utm_campaign=" + tagged(campaign);
    }
    if (live) {
      return product(tenant);
    }
    if (dice.chance(0.03)) {
      return product(tenant) + "?utm_source=newsletter&utm_medium=email&utm_campaign=" + tenant.code() + "-spring-sale-25";
    }
    double roll = dice.unit();
    return roll < 0.4 ? tenant.host() + "/" : roll < 0.85 ? product(tenant) : search(tenant);
  }

  /** The campaign id as the link carries it: mostly as on the sheet, sometimes capitalised or left empty. */
  private String tagged(Campaign campaign) {
    double roll = dice.unit();
    if (roll < 0.03) {
      return "";
    }
    return roll < 0.13 ? campaign.id().toUpperCase(Locale.ROOT) : campaign.id();
  }

  private String next(Tenant tenant) {
    double roll = dice.unit();
    return roll < 0.65 ? product(tenant)
        : roll < 0.8 ? tenant.host() + "/cart"
        : roll < 0.9 ? search(tenant)
        : tenant.host() + "/category/" + dice.pick(CATEGORIES);
  }

  private String product(Tenant tenant) {
    String host = dice.chance(0.01) ? tenant.host().replace("https://", "http://") : tenant.host();
    return host + "/products/" + products.get(dice.skewed(products.size(), 1.8));
  }

  private String search(Tenant tenant) {
    return tenant.host() + "/search?q=" + dice.pick(SEARCHES);
  }

  private void event(String type, String user, String session, String url, String agent, Instant at) {
    if (at.isAfter(now)) {
      return;
    }
    Click click = new Click(dice.uuid().toString(), type, user, session, url, agent, at);
    clicks.add(click);
    if (dice.chance(0.015)) {
      clicks.add(click);
    }
  }
}
