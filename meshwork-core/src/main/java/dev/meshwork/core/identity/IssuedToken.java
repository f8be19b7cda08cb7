package dev.meshwork.core.identity;

import dev.meshwork.core.spi.ApiToken;

/** A token just issued: its record, and its secret, which is shown this once and never kept. */
public record IssuedToken(ApiToken token, String secret) {

  @Override
  public String toString() {
    return "IssuedToken[token=" + token + ", secret=***]";
  }
}
