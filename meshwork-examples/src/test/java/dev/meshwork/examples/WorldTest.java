package dev.meshwork.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.examples.ExampleData.Scale;
import dev.meshwork.examples.World.Customer;
import dev.meshwork.examples.World.Order;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorldTest {

  private static final Instant NOW = Instant.parse("2026-06-20T10:15:30.250Z");
  private static final World WORLD = World.generate(Scale.ofOrders(600), NOW);

  @Test
  void theSameSeedAndTimeGiveTheSameWorld() {
    assertThat(World.generate(Scale.ofOrders(600), NOW)).isEqualTo(WORLD);
    assertThat(World.generate(new Scale(600, 1), NOW).orders()).isNotEqualTo(WORLD.orders());
  }

  @Test
  void ordersArePlacedByCustomersOfTheirTenantAfterTheySignedUp() {
    Map<UUID, Customer> customers = WORLD.customers().stream().collect(Collectors.toMap(Customer::id, Function.identity()));
    assertThat(WORLD.orders()).hasSize(600).allSatisfy(order -> {
      Customer customer = customers.get(order.customerId());
      assertThat(customer.tenantId()).isEqualTo(order.tenantId());
      assertThat(customer.createdAt()).isBefore(order.createdAt());
    });
  }

  @Test
  void everythingElseBelongsToAnOrderAndHappenedByNow() {
    Set<UUID> orders = WORLD.orders().stream().map(Order::id).collect(Collectors.toSet());
    Instant now = NOW.minusMillis(250);
    assertThat(WORLD.items()).allSatisfy(i -> assertThat(orders).contains(i.orderId()));
    assertThat(WORLD.orderEvents()).allSatisfy(e -> {
      assertThat(orders).contains(e.orderId());
      assertThat(e.occurredAt()).isBeforeOrEqualTo(now);
    });
    assertThat(WORLD.payments()).allSatisfy(p -> {
      assertThat(orders).contains(p.orderId());
      assertThat(p.amountCents()).isPositive();
    });
    assertThat(WORLD.tracking()).allSatisfy(t -> {
      assertThat(orders).contains(UUID.fromString(t.orderId()));
      assertThat(t.eventTime()).isBeforeOrEqualTo(now);
    });
    assertThat(WORLD.clicks()).allSatisfy(c -> assertThat(c.eventTs()).isBeforeOrEqualTo(now));
  }

  @Test
  void everyOrderHasACreatedEventAndTheNewestIsMinutesOld() {
    Set<UUID> created = WORLD.orderEvents().stream().filter(e -> e.eventType().equals("created"))
        .map(World.OrderEvent::orderId).collect(Collectors.toSet());
    assertThat(created).hasSize(600);
    Instant newest = WORLD.orders().get(WORLD.orders().size() - 1).createdAt();
    assertThat(Duration.between(newest, NOW)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(2));
  }

  @Test
  void productPagesAreOfOrderedProducts() {
    Set<String> ordered = WORLD.items().stream().map(World.Item::productId).collect(Collectors.toSet());
    assertThat(WORLD.clicks()).filteredOn(c -> c.url().contains("/products/")).isNotEmpty()
        .allSatisfy(c -> assertThat(ordered).contains(c.url().replaceAll(".*/products/([^?]+).*", "$1")));
  }

  @Test
  void everyTenantRunsACampaignToday() {
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    Set<UUID> running = WORLD.campaigns().stream()
        .filter(c -> c.id() != null && !c.startDate().isAfter(today) && (c.endDate() == null || !c.endDate().isBefore(today)))
        .map(World.Campaign::tenantId).collect(Collectors.toSet());
    assertThat(running).containsExactlyInAnyOrderElementsOf(WORLD.tenants().stream().map(World.Tenant::id).toList());
  }
}
