package dev.meshwork.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.InvalidException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** One request as a route sees it: its parameters, its body (read at most once, bounded) and its status. */
public final class Request {

  private static final Pattern PRODUCT = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

  private final Context context;
  private final long maxBodyBytes;
  private final Principal principal;
  private final Refusals refusals;

  Request(Context context, long maxBodyBytes, Principal principal, Refusals refusals) {
    this.context = context;
    this.maxBodyBytes = maxBodyBytes;
    this.principal = principal;
    this.refusals = refusals;
  }

  /** Who made the request; null only on a PUBLIC route called without a token. */
  public Principal principal() {
    return principal;
  }

  /** Fails with 403 unless the caller owns or is a member of {@code domain}, or is a platform admin. */
  public void requireDomain(String domain, String what) {
    recorded(() -> principal.requireDomain(domain, what));
  }

  /** Fails with 403 unless the caller may apply {@code resource} (its domain's, or any as an admin). */
  public void requireMayApply(dev.meshwork.spec.Resource resource) {
    recorded(() -> principal.requireMayApply(resource));
  }

  /** Runs a check of the caller's, recording its refusal before passing it on. */
  private void recorded(Runnable check) {
    try {
      check.run();
    } catch (DeniedException denial) {
      refusals.refused(principal, context, denial);
      throw denial;
    }
  }

  /** Fails with 403 unless the caller is a platform admin. */
  public void requireAdmin(String what) {
    recorded(() -> principal.requireAdmin(what));
  }

  public Context context() {
    return context;
  }

  /** The path parameter {@code name} as a product, {@code domain.name}. */
  public ProductRef product(String name) {
    String value = context.pathParam(name);
    if (!PRODUCT.matcher(value).matches()) {
      throw new InvalidException("cannot read the product in the path: '" + value
          + "' is not domain.name (lower-case letters, digits and _, each starting with a letter)");
    }
    return ProductRef.parse(value);
  }

  public String path(String name) {
    return context.pathParam(name);
  }

  /** A query parameter, or null when it is absent or blank. */
  public String query(String name) {
    String value = context.queryParam(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** A whole-number query parameter between 1 and {@code max}, or {@code fallback} when absent. */
  public int limit(String name, int fallback, int max) {
    String value = query(name);
    if (value == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidException("cannot read query parameter " + name + ": '" + value
        + "' is not a whole number from 1 to " + max);
  }

  /** Sets the response status, when it is not 200. */
  public void status(int status) {
    context.status(status);
  }

  /** The body as UTF-8 text; 413 when it is larger than allowed. */
  public String text() {
    long declared = context.contentLength();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = context.bodyInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        throw tooLarge();
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body: " + e.getMessage(), e);
    }
  }

  /** The body as a JSON object; 400 {@code malformed_json} when it does not parse or is not an object. */
  public JsonNode json() {
    String text = text();
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      Map<String, Object> details = new LinkedHashMap<>();
      JsonLocation at = e.getLocation();
      if (at != null) {
        details.put("line", at.getLineNr());
        details.put("column", at.getColumnNr());
      }
      throw new ApiException(400, "malformed_json", "cannot read the request body: " + e.getOriginalMessage(),
          details.isEmpty() ? null : details);
    }
    if (node == null || node.isMissingNode() || !node.isObject()) {
      throw new ApiException(400, "malformed_json", "cannot read the request body: expected a JSON object", null);
    }
    return node;
  }

  private ApiException tooLarge() {
    return new ApiException(413, "too_large", "cannot read the request body: it is larger than "
        + maxBodyBytes + " bytes", Map.of("maxBytes", maxBodyBytes));
  }
}
