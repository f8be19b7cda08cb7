package dev.meshwork.core.policy;

import dev.meshwork.spec.Classification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of the {@code access} variable access policies judge: who asks for which product's
 * data, for what, with or without its PII, until when, and on whose behalf. Fields not given are
 * empty strings, so expressions never meet a missing key.
 *
 * @param requester      the user asking
 * @param team           the requester's team, or null
 * @param purpose        why the data is needed
 * @param pii            whether the grant would include the PII columns in clear
 * @param until          when the grant would end, or null for the product's default
 * @param forTeam        the team the grant is for, or null
 * @param forProduct     the consuming product the grant is for ({@code domain.name}), or null
 * @param classification the requested product's classification
 * @param approver       who is approving it, or empty while it is being requested
 */
public record AccessView(String requester, String team, String purpose, boolean pii, LocalDate until,
                         String forTeam, String forProduct, Classification classification,
                         String approver) {

  /** The request as the map the {@code access} variable holds. */
  public Map<String, Object> toMap() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("requester", text(requester));
    view.put("team", text(team));
    view.put("purpose", text(purpose));
    view.put("pii", pii);
    view.put("until", until == null ? "" : until.toString());
    view.put("forTeam", text(forTeam));
    view.put("forProduct", text(forProduct));
    view.put("classification", classification.name());
    view.put("approver", text(approver));
    return view;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
