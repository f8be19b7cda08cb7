package dev.meshwork.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Everything the example sources hold, generated at once so that the sources agree with each
 * other. Values that the sources hold dirty (mixed case, padding) are stored as written.
 */
record World(Instant now, List<Tenant> tenants, List<Customer> customers, List<Order> orders, List<Item> items,
             List<OrderEvent> orderEvents, List<Payment> payments, List<Shipment> shipments,
             List<Tracking> tracking, List<Campaign> campaigns, List<Click> clicks) {

  World {
    tenants = List.copyOf(tenants);
    customers = List.copyOf(customers);
    orders = List.copyOf(orders);
    items = List.copyOf(items);
    orderEvents = List.copyOf(orderEvents);
    payments = List.copyOf(payments);
    shipments = List.copyOf(shipments);
    tracking = List.copyOf(tracking);
    campaigns = List.copyOf(campaigns);
    clicks = List.copyOf(clicks);
  }

  static final Duration HISTORY = Duration.ofDays(120);

  /** Generates everything from the scale's seed; sizes follow from the number of orders. */
  static World generate(ExampleData.Scale scale, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.SECONDS);
    long seed = scale.seed();
    int orders = scale.orders();
    List<Tenant> tenants = People.tenants(new Dice(seed, 1), Math.max(3, Math.min(40, orders / 750)));
    List<Customer> customers = People.customers(new Dice(seed, 2), tenants, Math.max(20, orders * 2 / 5), at, HISTORY);
    Catalog catalog = Catalog.generate(new Dice(seed, 3), Math.max(40, Math.min(20_000, orders / 15)));
    Commerce commerce = Commerce.generate(new Dice(seed, 4), at, HISTORY, orders, catalog, tenants, customers);
    List<Tracking> tracking = Logistics.generate(new Dice(seed, 5), at, commerce.shipments);
    List<Campaign> campaigns = Campaigns.generate(new Dice(seed, 6), LocalDate.ofInstant(at, ZoneOffset.UTC), tenants);
    List<Click> clicks = Clickstream.generate(new Dice(seed, 7), at, Math.max(40, orders / 8),
        List.copyOf(commerce.orderedProducts), tenants, campaigns, customers.size());
    return new World(at, tenants, customers, commerce.orders, commerce.items, commerce.events, commerce.payments,
        commerce.shipments, tracking, campaigns, clicks);
  }

  /** A shop on the platform; its customers, orders and campaigns belong to it. */
  record Tenant(UUID id, String name, String code, String host, String currency) {}

  /** A row of crm.public.customers. */
  record Customer(UUID id, UUID tenantId, String email, String firstName, String lastName, String countryCode,
                  Instant createdAt, Instant updatedAt, Instant deletedAt) {}

  /** A row of orders.public.orders. */
  record Order(UUID id, UUID tenantId, UUID customerId, String status, long totalCents, String currency,
               Instant createdAt, Instant updatedAt) {}

  /** A row of orders.public.order_items. */
  record Item(UUID id, UUID orderId, String productId, int quantity, long unitPriceCents) {}

  /** A row of orders.public.order_events. */
  record OrderEvent(UUID id, UUID orderId, String eventType, String status, Instant occurredAt) {}

  /** A record of the payments API's exports; {@code capturedAt} is null for failed attempts. */
  record Payment(UUID paymentId, UUID orderId, long amountCents, String currency, String method, String status,
                 Instant attemptedAt, Instant capturedAt) {}

  /** The parcel of an order that ships; times may lie after {@code now} (not happened yet). */
  record Shipment(UUID orderId, String carrier, Instant shipAt, Instant deliverAt, boolean exception) {}

  /** A row of the carriers' tracking CSV files. */
  record Tracking(String eventId, String shipmentId, String orderId, String carrier, String status, Instant eventTime) {}

  /** A row of the campaign sheet; {@code sheetId} as written there, {@code id} as the transforms see it. */
  record Campaign(String id, String sheetId, String name, String channel, UUID tenantId, LocalDate startDate,
                  LocalDate endDate, Long budgetCents) {}

  /** A row of the clickstream Parquet files. */
  record Click(String eventId, String eventType, String userId, String sessionId, String url, String userAgent,
               Instant eventTs) {}
}
