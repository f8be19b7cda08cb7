package dev.meshwork.core.access;

import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.spec.ProductRef;

/**
 * Which access requests to list, among those the caller may see (their own, those on their
 * domains' products, or all for a platform admin): of one product and in one state when given,
 * and only their own ({@link View#MINE}) or only those waiting for their decision
 * ({@link View#TO_DECIDE}).
 */
public record AccessFilter(ProductRef product, AccessRequest.Status status, View view, int limit) {

  public enum View { VISIBLE, MINE, TO_DECIDE }

  public AccessFilter {
    view = view == null ? View.VISIBLE : view;
  }

  /** Every request the caller may see, newest first. */
  public static AccessFilter all(int limit) {
    return new AccessFilter(null, null, View.VISIBLE, limit);
  }
}
