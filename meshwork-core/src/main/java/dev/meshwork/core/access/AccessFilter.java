package dev.meshwork.core.access;

import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.spec.ProductRef;

/**
 * Which access requests to list, among those the caller may see (their own, those on their
 * domains' products, or all for a platform admin): of one product and in one state when given,
 * only their own ({@link View#MINE}) or only those waiting for their decision
 * ({@link View#TO_DECIDE}), and with {@code inForce} only the grants that let their holders read
 * now (approved, neither expired nor revoked).
 */
public record AccessFilter(ProductRef product, AccessRequest.Status status, View view, int limit, boolean inForce) {

  public enum View { VISIBLE, MINE, TO_DECIDE }

  public AccessFilter {
    view = view == null ? View.VISIBLE : view;
    if (inForce) {
      status = AccessRequest.Status.APPROVED;
    }
  }

  /** Requests in any state, or in {@code status}. */
  public AccessFilter(ProductRef product, AccessRequest.Status status, View view, int limit) {
    this(product, status, view, limit, false);
  }

  /** Every request the caller may see, newest first. */
  public static AccessFilter all(int limit) {
    return new AccessFilter(null, null, View.VISIBLE, limit);
  }

  /** The grants in force now that the caller may see, of one product when given. */
  public static AccessFilter grants(ProductRef product, View view, int limit) {
    return new AccessFilter(product, AccessRequest.Status.APPROVED, view, limit, true);
  }
}
