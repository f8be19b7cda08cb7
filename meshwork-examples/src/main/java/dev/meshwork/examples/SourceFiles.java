package dev.meshwork.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.examples.World.Campaign;
import dev.meshwork.examples.World.Payment;
import dev.meshwork.examples.World.Tracking;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The JSON and CSV file sources: the payments API's monthly exports (JSON lines), the shipping
 * service's daily tracking files and the campaign sheet (CSV with a header, comma-separated).
 */
final class SourceFiles {

  static final String PAYMENTS = "orders/data/payments";
  static final String SHIPPING = "logistics/data/shipping";
  static final String CAMPAIGNS = "marketing/data/campaigns";

  private SourceFiles() {}

  static void write(Path examples, World world) {
    Path payments = clear(examples.resolve(PAYMENTS), "*.jsonl");
    group(world.payments(), p -> YearMonth.from(p.attemptedAt().atZone(ZoneOffset.UTC)).toString())
        .forEach((month, rows) -> write(payments.resolve("payments-" + month + ".jsonl"), paymentsJson(rows)));

    Path shipping = clear(examples.resolve(SHIPPING), "*.csv");
    group(world.tracking(), t -> LocalDate.ofInstant(t.eventTime(), ZoneOffset.UTC).toString())
        .forEach((day, rows) -> write(shipping.resolve("tracking-" + day + ".csv"), trackingCsv(rows)));

    Path campaigns = clear(examples.resolve(CAMPAIGNS), "*.csv");
    write(campaigns.resolve("campaign-calendar.csv"), campaignsCsv(world.campaigns()));
  }

  private static String paymentsJson(List<Payment> payments) {
    StringBuilder json = new StringBuilder();
    for (Payment p : payments) {
      json.append("{\"payment_id\":").append(Text.json(p.paymentId()))
          .append(",\"order_id\":").append(Text.json(p.orderId()))
          .append(",\"amount_cents\":").append(Text.json(p.amountCents()))
          .append(",\"currency\":").append(Text.json(p.currency()))
          .append(",\"method\":").append(Text.json(p.method()))
          .append(",\"status\":").append(Text.json(p.status()))
          .append(",\"captured_at\":").append(Text.json(p.capturedAt()))
          .append("}\n");
    }
    return json.toString();
  }

  private static String trackingCsv(List<Tracking> events) {
    StringBuilder csv = new StringBuilder("event_id,shipment_id,order_id,carrier,status,event_time\n");
    for (Tracking t : events) {
      csv.append(Text.csvLine(t.eventId(), t.shipmentId(), t.orderId(), t.carrier(), t.status(), t.eventTime()));
    }
    return csv.toString();
  }

  private static String campaignsCsv(List<Campaign> campaigns) {
    StringBuilder csv = new StringBuilder("campaign_id,name,channel,tenant_id,start_date,end_date,budget_cents\n");
    for (Campaign c : campaigns) {
      csv.append(Text.csvLine(c.sheetId(), c.name(), c.channel(), c.tenantId(), c.startDate(), c.endDate(),
          c.budgetCents()));
    }
    return csv.toString();
  }

  private static <T> Map<String, List<T>> group(List<T> rows, Function<T, String> key) {
    Map<String, List<T>> groups = new TreeMap<>();
    for (T row : rows) {
      groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  /** Creates the directory, or deletes the files matching {@code glob} an earlier run wrote there. */
  static Path clear(Path directory, String glob) {
    try {
      Files.createDirectories(directory);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
        for (Path file : files) {
          Files.delete(file);
        }
      }
      return directory;
    } catch (IOException e) {
      throw new EngineException("cannot write example data to " + directory + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new EngineException("cannot write example data to " + file + ": " + e.getMessage(), e);
    }
  }
}
