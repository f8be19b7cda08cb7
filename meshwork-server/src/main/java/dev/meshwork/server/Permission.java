package dev.meshwork.server;

/**
 * What a route needs the caller to be allowed to do. Every route declares one; an
 * {@link Authorizer} decides, per request, whether the caller has it.
 */
public enum Permission {
  /** Anyone, even unauthenticated: health and the API description. */
  PUBLIC("read this"),
  /** Any authenticated user: read products, builds, policies, waivers and retention runs. */
  READ("read the platform"),
  /** Any authenticated user: run queries over published products. */
  QUERY("run queries"),
  /** Domain owners and members (for their domains' documents) and platform admins: apply resources. */
  APPLY("apply resources"),
  /** Domain owners and members (for their domains' products) and platform admins: run builds. */
  BUILD("build products"),
  /** Platform admins: grant and revoke waivers. */
  GOVERN("grant or revoke waivers"),
  /** Domain owners and members (for their domains' products) and platform admins: enforce retention. */
  RETAIN("enforce retention"),
  /** Platform admins: read the audit log. */
  AUDIT("read the audit log");

  private final String action;

  Permission(String action) {
    this.action = action;
  }

  /** What the permission lets one do, as a denial message says it: "may not build products". */
  public String action() {
    return action;
  }
}
