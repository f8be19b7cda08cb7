package dev.meshwork.examples;

import dev.meshwork.examples.World.Campaign;
import dev.meshwork.examples.World.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The marketing team's campaign sheet: per tenant a campaign that ended, one running today,
 * for some an always-on campaign without end date and one that starts soon, and a draft row
 * nobody gave an id yet. A few ids are typed with capitals or stray spaces.
 */
final class Campaigns {

  static final List<String> CHANNELS = List.of("email", "social", "search", "display", "affiliate");
  private static final List<String> ENDED = List.of("Clearance", "Gift Guide", "Loyalty Week", "Flash Sale");
  private static final List<String> RUNNING = List.of("New Arrivals", "Bundle Deals", "Free Shipping, Three Days",
      "Member Preview");
  private static final List<String> ALWAYS_ON = List.of("Brand Search", "Retargeting");
  private static final List<String> ALWAYS_ON_CHANNELS = List.of("search", "display");
  private static final List<String> UPCOMING = List.of("Back to School", "Holiday Teaser", "Anniversary Sale");

  private Campaigns() {}

  static List<Campaign> generate(Dice dice, LocalDate today, List<Tenant> tenants) {
    List<Campaign> campaigns = new ArrayList<>();
    for (int t = 0; t < tenants.size(); t++) {
      Tenant tenant = tenants.get(t);
      LocalDate endedStart = today.minusDays(dice.between(45, 80));
      campaigns.add(campaign(dice, tenant, ENDED.get(t % ENDED.size()), dice.pick(CHANNELS), endedStart,
          endedStart.plusDays(dice.between(14, 30))));
      campaigns.add(campaign(dice, tenant, RUNNING.get(t % RUNNING.size()), dice.pick(CHANNELS),
          today.minusDays(dice.between(3, 25)), today.plusDays(dice.between(3, 21))));
      if (t % 2 == 0) {
        int which = t / 2 % ALWAYS_ON.size();
        campaigns.add(campaign(dice, tenant, ALWAYS_ON.get(which), ALWAYS_ON_CHANNELS.get(which),
            today.minusDays(dice.between(60, 110)), null));
      }
      if (t % 3 == 0) {
        LocalDate start = today.plusDays(dice.between(3, 14));
        campaigns.add(campaign(dice, tenant, UPCOMING.get(t / 3 % UPCOMING.size()), dice.pick(CHANNELS), start,
            start.plusDays(dice.between(14, 28))));
      }
    }
    Tenant first = tenants.get(0);
    campaigns.add(new Campaign(null, null, "TBD: partner newsletter", "email", first.id(), today.plusDays(30),
        null, null));
    return List.copyOf(campaigns);
  }

  private static Campaign campaign(Dice dice, Tenant tenant, String theme, String channel, LocalDate start,
                                   LocalDate end) {
    String slug = theme.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String id = tenant.code() + "-" + slug + "-" + start.getYear() % 100 + String.format("%02d", start.getMonthValue());
    String sheetId = id;
    double roll = dice.unit();
    if (roll < 0.15) {
      sheetId = id.toUpperCase(Locale.ROOT);
    } else if (roll < 0.25) {
      sheetId = " " + id + " ";
    }
    long budget = dice.between(50, 2_000) * 1_000L;
    return new Campaign(id, sheetId, tenant.name() + " " + theme, channel, tenant.id(), start, end, budget);
  }
}
