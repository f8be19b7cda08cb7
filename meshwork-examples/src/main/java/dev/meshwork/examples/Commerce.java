package dev.meshwork.examples;

import dev.meshwork.examples.World.Customer;
import dev.meshwork.examples.World.Item;
import dev.meshwork.examples.World.Order;
import dev.meshwork.examples.World.OrderEvent;
import dev.meshwork.examples.World.Payment;
import dev.meshwork.examples.World.Shipment;
import dev.meshwork.examples.World.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders with their items, lifecycle events, payments and parcels. Each order follows a plan
 * (paid, maybe cancelled, shipped, delivered); what has happened by {@code now} decides its
 * status and which events and payments exist.
 */
final class Commerce {

  private static final List<String> CARRIERS = List.of("DHL", "UPS", "FEDEX", "USPS");
  private static final List<String> METHODS = List.of("card", "paypal", "bank_transfer");
  private static final List<String> BAD_CURRENCIES = List.of("US$", "EURO", "€", "GBP ");

  final List<Order> orders = new ArrayList<>();
  final List<Item> items = new ArrayList<>();
  final List<OrderEvent> events = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  final List<Shipment> shipments = new ArrayList<>();
  final Set<String> orderedProducts = new TreeSet<>();

  private final Dice dice;
  private final Instant now;
  private final Catalog catalog;
  private final List<Customer> customers;
  private final Map<UUID, Tenant> tenants;

  private Commerce(Dice dice, Instant now, Catalog catalog, List<Tenant> tenants, List<Customer> customers) {
    this.dice = dice;
    this.now = now;
    this.catalog = catalog;
    this.customers = customers;
    this.tenants = tenants.stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
  }

  /**
   * {@code count} orders over the {@code history} before {@code now}, more of them recently; the
   * newest was placed a minute or two ago, as in a shop that is open.
   */
  static Commerce generate(Dice dice, Instant now, Duration history, int count, Catalog catalog,
                           List<Tenant> tenants, List<Customer> customers) {
    Commerce commerce = new Commerce(dice, now, catalog, tenants, customers);
    for (int i = 0; i < count; i++) {
      long age = i == 0 ? dice.between(30, 90) : (long) (history.toSeconds() * Math.pow(dice.unit(), 1.35)) + 60;
      commerce.order(now.minusSeconds(age));
    }
    commerce.orders.sort(Comparator.comparing(Order::createdAt));
    commerce.events.sort(Comparator.comparing(OrderEvent::occurredAt));
    commerce.payments.sort(Comparator.comparing(Payment::attemptedAt));
    return commerce;
  }

  private void order(Instant created) {
    Customer customer = customerSignedUpBefore(created);
    Tenant tenant = tenants.get(customer.tenantId());
    UUID id = dice.uuid();
    long total = items(id);
    String currency = dice.chance(0.01) ? tenant.currency().toLowerCase(Locale.ROOT) : tenant.currency();

    boolean unpaid = dice.chance(0.015);
    Instant failedAt = !unpaid && dice.chance(0.04) ? dice.plusSeconds(created, 10, 60) : null;
    Instant paidAt = unpaid ? null : dice.plusSeconds(failedAt == null ? created : failedAt, 20, 900);
    Instant cancelAt = unpaid ? created.plus(Duration.ofDays(1))
        : dice.chance(0.05) ? dice.plusSeconds(paidAt, 600, 30 * 3_600) : null;
    Instant shipAt = unpaid ? null : dice.plusSeconds(paidAt, 3 * 3_600, 40 * 3_600);
    if (shipAt != null && cancelAt != null && shipAt.isBefore(cancelAt)) {
      cancelAt = null;
    }
    if (cancelAt != null) {
      shipAt = null;
    }
    String carrier = dice.pick(CARRIERS, 30, 30, 20, 20);
    boolean exception = dice.chance(0.02);
    Instant deliverAt = shipAt == null ? null : deliveryOf(shipAt, carrier, exception);

    String status = happened(cancelAt) ? "CANCELLED"
        : happened(deliverAt) ? "DELIVERED"
        : happened(shipAt) ? "SHIPPED"
        : happened(paidAt) ? "CONFIRMED"
        : "PENDING";
    Instant updated = latest(created, paidAt, cancelAt, shipAt, deliverAt);
    orders.add(new Order(id, tenant.id(), customer.id(), status, total, currency, created, updated));

    event(id, "created", "PENDING", created);
    event(id, "shipped", "SHIPPED", shipAt);
    event(id, "delivered", "DELIVERED", deliverAt);
    payments(id, total, tenant.currency(), failedAt, paidAt, happened(cancelAt));
    if (shipAt != null) {
      shipments.add(new Shipment(id, carrier, shipAt, deliverAt, exception));
    }
  }

  /** Customers are sorted by sign-up: any of the first ones that had signed up by then. */
  private Customer customerSignedUpBefore(Instant time) {
    int low = 0;
    int high = customers.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (customers.get(middle).createdAt().isBefore(time)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return customers.get(dice.between(0, Math.max(low, 1) - 1));
  }

  /** One to five line items of popular products; the total adds shipping below 50.00. */
  private long items(UUID orderId) {
    int lines = dice.pick(List.of(1, 2, 3, 4, 5), 45, 30, 15, 7, 3);
    Set<Integer> chosen = new HashSet<>();
    long subtotal = 0;
    while (chosen.size() < Math.min(lines, catalog.size())) {
      int product = dice.skewed(catalog.size(), 2.2);
      if (chosen.add(product)) {
        int quantity = dice.pick(List.of(1, 2, 3), 80, 15, 5);
        long price = catalog.pricesCents().get(product);
        items.add(new Item(dice.uuid(), orderId, catalog.ids().get(product), quantity, price));
        orderedProducts.add(catalog.ids().get(product));
        subtotal += quantity * price;
      }
    }
    return subtotal >= 5_000 ? subtotal : subtotal + 499;
  }

  private Instant deliveryOf(Instant shipAt, String carrier, boolean exception) {
    int days = switch (carrier) {
      case "DHL" -> 2;
      case "UPS", "FEDEX" -> 3;
      default -> 5;
    };
    int transit = Math.max(1, days + dice.between(-1, 1)) + (exception ? 1 : 0);
    return shipAt.plus(Duration.ofDays(transit)).plusSeconds(dice.between(-6 * 3_600, 6 * 3_600));
  }

  /** Lifecycle events of the orders service; a few statuses in the case some old code wrote. */
  private void event(UUID orderId, String type, String status, Instant at) {
    if (!happened(at)) {
      return;
    }
    String written = status;
    if (dice.chance(0.03)) {
      written = dice.chance(0.5) ? status.toLowerCase(Locale.ROOT)
          : status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT);
    }
    events.add(new OrderEvent(dice.uuid(), orderId, type, written, at));
  }

  /** A failed attempt, if any, and the captured payment (refunded once the order was cancelled). */
  private void payments(UUID orderId, long total, String currency, Instant failedAt, Instant paidAt, boolean cancelled) {
    String method = method();
    if (happened(failedAt)) {
      payments.add(new Payment(dice.uuid(), orderId, total, currency, method, "failed", failedAt, null));
    }
    if (happened(paidAt)) {
      String written = dice.chance(0.02) ? currency.toLowerCase(Locale.ROOT)
          : dice.chance(0.005) ? dice.pick(BAD_CURRENCIES) : currency;
      payments.add(new Payment(dice.uuid(), orderId, total, written, method, cancelled ? "refunded" : "captured",
          paidAt, paidAt));
    }
  }

  private String method() {
    String method = dice.pick(METHODS, 60, 25, 15);
    if (dice.chance(0.05)) {
      return dice.chance(0.5) ? method.toUpperCase(Locale.ROOT)
          : Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }
    return method;
  }

  private boolean happened(Instant at) {
    return at != null && !at.isAfter(now);
  }

  private Instant latest(Instant... times) {
    Instant latest = times[0];
    for (Instant time : times) {
      if (happened(time) && time.isAfter(latest)) {
        latest = time;
      }
    }
    return latest;
  }
}
