package dev.meshwork.examples;

import dev.meshwork.examples.World.Customer;
import dev.meshwork.examples.World.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The tenants and the CRM's customers, sorted by sign-up time. */
final class People {

  private static final List<String> SHOPS = List.of(
      "Northwind Outfitters", "Blue Fern Books", "Kite Home", "Alpine Gear", "Harbor Coffee", "Pixel Toys",
      "Juniper Garden", "Copper Kitchen");
  private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "USD", "EUR");
  private static final List<String> FIRST = List.of(
      "Ana", "Li", "Maria", "Kenji", "Omar", "Sofia", "Priya", "Lucas", "Nadia", "Jonas", "Emma", "Noah", "Aisha",
      "Mateo", "Yuki", "Chloe", "Ivan", "Fatima", "Leo", "Hannah", "Diego", "Mei", "Tom", "Zara", "Elias", "Lena",
      "Ravi", "Ines", "Oscar", "Amara");
  private static final List<String> LAST = List.of(
      "Smith", "Garcia", "Chen", "Tanaka", "Haddad", "Rossi", "Patel", "Silva", "Novak", "Berg", "Martin", "Kim",
      "Okafor", "Lopez", "Sato", "Dubois", "Petrov", "Khan", "Moreau", "Schmidt", "Costa", "Wang", "Brown",
      "Ali", "Nilsson", "Weber", "Iyer", "Santos", "Larsen", "Mensah");
  private static final List<String> MAIL = List.of(
      "mail.example", "inbox.example", "post.example.org", "example.net", "webmail.example.com");
  private static final List<String> COUNTRIES = List.of(
      "US", "GB", "DE", "FR", "ES", "IT", "NL", "SE", "CA", "AU", "JP", "BR");
  private static final int[] COUNTRY_WEIGHTS = {30, 12, 12, 10, 6, 6, 5, 4, 6, 4, 3, 2};

  private People() {}

  static List<Tenant> tenants(Dice dice, int count) {
    List<Tenant> tenants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = i < SHOPS.size() ? SHOPS.get(i) : "Shop " + (i + 1);
      String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      String code = i < SHOPS.size() ? initials(name) : "s" + (i + 1);
      tenants.add(new Tenant(dice.uuid(), name, code, "https://" + slug + ".shop.example.com",
          CURRENCIES.get(i % CURRENCIES.size())));
    }
    return tenants;
  }

  /**
   * Customers of the tenants, the first tenants the largest. Most signed up before the order
   * history starts; some recently, a few were deleted (soft delete) in the last month.
   */
  static List<Customer> customers(Dice dice, List<Tenant> tenants, int count, Instant now, Duration history) {
    int[] weights = new int[tenants.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (int) Math.round(100 / Math.pow(i + 1, 0.7));
    }
    long historySeconds = history.toSeconds();
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Tenant tenant = dice.pick(tenants, weights);
      Instant signup = dice.chance(0.85)
          ? now.minusSeconds(dice.between(historySeconds + 86_400, 730L * 86_400))
          : now.minusSeconds(dice.between(600, historySeconds));
      Instant updated = dice.plusSeconds(signup, 0, Duration.between(signup, now).toSeconds());
      Instant deleted = null;
      if (dice.chance(0.03)) {
        Instant candidate = now.minusSeconds(dice.between(3_600, 30L * 86_400));
        deleted = candidate.isAfter(signup) ? candidate : null;
      }
      String first = dice.chance(0.01) ? null : dice.pick(FIRST);
      String last = dice.chance(0.02) ? null : dice.pick(LAST);
      customers.add(new Customer(dice.uuid(), tenant.id(), email(dice, first, last, i), first, last,
          country(dice), signup, deleted == null ? updated : deleted, deleted));
    }
    customers.sort(Comparator.comparing(Customer::createdAt));
    return customers;
  }

  /** Unique per tenant (the index is in it); some typed with capitals or stray spaces. */
  private static String email(Dice dice, String first, String last, int index) {
    String local = (first == null ? "user" : first) + "." + (last == null ? "x" : last) + index;
    String address = local + "@" + dice.pick(MAIL);
    if (dice.chance(0.05)) {
      return dice.chance(0.2) ? " " + address + " " : address;
    }
    return address.toLowerCase(Locale.ROOT);
  }

  /** ISO codes, some lower-cased, blank or missing as the CRM's forms let them in. */
  private static String country(Dice dice) {
    double roll = dice.unit();
    if (roll < 0.02) {
      return null;
    }
    if (roll < 0.025) {
      return "";
    }
    String code = dice.pick(COUNTRIES, COUNTRY_WEIGHTS);
    return roll < 0.045 ? code.toLowerCase(Locale.ROOT) : code;
  }

  private static String initials(String name) {
    StringBuilder code = new StringBuilder();
    for (String word : name.split(" ")) {
      code.append(Character.toLowerCase(word.charAt(0)));
    }
    return code.toString();
  }
}
