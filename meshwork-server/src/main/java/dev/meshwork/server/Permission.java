package dev.meshwork.server;

/**
 * What a route needs the caller to be allowed to do. Every route declares one; an
 * {@link Authorizer} decides, per request, whether the caller has it.
 */
public enum Permission {
  /** Anyone, even unauthenticated: health and the API description. */
  PUBLIC,
  /** Read products, builds, policies, waivers and retention runs. */
  READ,
  /** Run queries over published products. */
  QUERY,
  /** Apply resources. */
  APPLY,
  /** Run builds. */
  BUILD,
  /** Grant and revoke waivers. */
  GOVERN,
  /** Enforce retention. */
  RETAIN
}
