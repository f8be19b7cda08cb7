package dev.meshwork.examples;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded randomness. Each part of the generated world rolls its own stream, so that changing
 * how one part is generated leaves the others as they were.
 */
final class Dice {

  private final Random random;

  Dice(long seed, long stream) {
    this.random = new Random(seed ^ (stream * 0x9E3779B97F4A7C15L));
  }

  double unit() {
    return random.nextDouble();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** A number from {@code low} to {@code high}, both included. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  long between(long low, long high) {
    return low + (long) Math.floor(random.nextDouble() * (high - low + 1));
  }

  Instant plusSeconds(Instant start, long low, long high) {
    return start.plusSeconds(between(low, high));
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A value drawn with the given weights, one per value. */
  <T> T pick(List<T> values, int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }

  /** An index below {@code size}, low indexes more likely the larger {@code skew} is (1 = uniform). */
  int skewed(int size, double skew) {
    return Math.min(size - 1, (int) (size * Math.pow(random.nextDouble(), skew)));
  }

  /** A random (version 4) UUID drawn from this stream. */
  UUID uuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
