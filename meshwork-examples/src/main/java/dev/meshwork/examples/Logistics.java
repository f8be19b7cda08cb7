package dev.meshwork.examples;

import dev.meshwork.examples.World.Shipment;
import dev.meshwork.examples.World.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The carriers' tracking events of the parcels, as they reach the shipping service: carrier
 * names and statuses as each carrier writes them, webhook retries that repeat an event, the odd
 * row without a shipment id, and now and then a depot scanner whose clock is off, so that a
 * parcel is "delivered" before it was picked up.
 */
final class Logistics {

  private static final Map<String, List<String>> CARRIER_SPELLINGS = Map.of(
      "DHL", List.of("dhl", " DHL", "Dhl"),
      "UPS", List.of("ups", "UPS "),
      "FEDEX", List.of("FedEx", "fedex"),
      "USPS", List.of("usps", "Usps"));

  private final Dice dice;
  private final Instant now;
  private final List<Tracking> tracking = new ArrayList<>();

  private Logistics(Dice dice, Instant now) {
    this.dice = dice;
    this.now = now;
  }

  static List<Tracking> generate(Dice dice, Instant now, List<Shipment> shipments) {
    Logistics logistics = new Logistics(dice, now);
    long number = dice.between(40_000_000L, 50_000_000L);
    Shipment latestInTransit = null;
    String latestId = null;
    for (Shipment shipment : shipments.stream().sorted(Comparator.comparing(Shipment::shipAt)).toList()) {
      number += dice.between(1, 9);
      String shipmentId = "SHP" + number;
      logistics.parcel(shipmentId, shipment);
      if (!shipment.shipAt().isAfter(now) && shipment.deliverAt().isAfter(now)
          && (latestInTransit == null || shipment.shipAt().isAfter(latestInTransit.shipAt()))) {
        latestInTransit = shipment;
        latestId = shipmentId;
      }
    }
    logistics.keepFresh(latestId, latestInTransit);
    logistics.tracking.sort(Comparator.comparing(Tracking::eventTime).thenComparing(Tracking::eventId));
    return List.copyOf(logistics.tracking);
  }

  private void parcel(String shipmentId, Shipment shipment) {
    Instant shipAt = shipment.shipAt();
    Instant deliverAt = shipment.deliverAt();
    Instant outForDelivery = deliverAt.minusSeconds(dice.between(2 * 3_600, 7 * 3_600));
    scan(shipmentId, shipment, "LABEL_CREATED", shipAt.minusSeconds(dice.between(2 * 3_600, 10 * 3_600)));
    scan(shipmentId, shipment, "IN_TRANSIT", shipAt);
    Instant hub = dice.plusSeconds(shipAt, 10 * 3_600, 20 * 3_600);
    while (hub.isBefore(outForDelivery.minus(Duration.ofHours(2)))) {
      scan(shipmentId, shipment, "IN_TRANSIT", hub);
      hub = dice.plusSeconds(hub, 10 * 3_600, 20 * 3_600);
    }
    if (shipment.exception()) {
      Instant middle = shipAt.plus(Duration.between(shipAt, outForDelivery).dividedBy(2));
      scan(shipmentId, shipment, "EXCEPTION", middle);
    }
    scan(shipmentId, shipment, "OUT_FOR_DELIVERY", outForDelivery);
    boolean skewedClock = dice.chance(0.01);
    if (!deliverAt.isAfter(now)) {
      Instant recorded = skewedClock ? shipAt.minusSeconds(dice.between(3_600, 3 * 3_600)) : deliverAt;
      scan(shipmentId, shipment, "DELIVERED", recorded);
    }
  }

  /** A hub scan a few minutes ago, unless some parcel was scanned in the last half hour anyway. */
  private void keepFresh(String shipmentId, Shipment inTransit) {
    Instant latest = tracking.stream().map(Tracking::eventTime).max(Comparator.naturalOrder()).orElse(null);
    if (inTransit == null || (latest != null && latest.isAfter(now.minus(Duration.ofMinutes(30))))) {
      return;
    }
    tracking.add(new Tracking(dice.uuid().toString(), shipmentId, inTransit.orderId().toString(), inTransit.carrier(),
        "IN_TRANSIT", now.minusSeconds(dice.between(120, 1_200))));
  }

  private void scan(String shipmentId, Shipment shipment, String status, Instant at) {
    if (at.isAfter(now)) {
      return;
    }
    String carrier = shipment.carrier();
    if (dice.chance(0.05)) {
      carrier = dice.pick(CARRIER_SPELLINGS.get(carrier));
    }
    String writtenStatus = dice.chance(0.03) ? status.toLowerCase(Locale.ROOT) : status;
    String writtenId = dice.chance(0.002) ? null : shipmentId;
    Tracking event = new Tracking(dice.uuid().toString(), writtenId, shipment.orderId().toString(), carrier,
        writtenStatus, at);
    tracking.add(event);
    if (dice.chance(0.02)) {
      tracking.add(event);
    }
  }
}
