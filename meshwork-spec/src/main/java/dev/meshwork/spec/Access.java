package dev.meshwork.spec;

/** Who decides on requests to read a product. */
public record Access(Approval approval) {

  public enum Approval {
    AUTO, OWNER, GOVERNANCE;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  /** The default for a classification: auto for PUBLIC and INTERNAL, owner for CONFIDENTIAL, governance for RESTRICTED. */
  public static Access defaultFor(Classification classification) {
    return new Access(switch (classification) {
      case PUBLIC, INTERNAL -> Approval.AUTO;
      case CONFIDENTIAL -> Approval.OWNER;
      case RESTRICTED -> Approval.GOVERNANCE;
    });
  }
}
