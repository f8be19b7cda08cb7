package dev.meshwork.server.web;

import dev.meshwork.core.identity.Principal;

/**
 * What the layout of every page needs: the page's title, the user logged in (null on the login
 * page) and their session's CSRF token for the forms, and which part of the navigation is current.
 */
public record Page(String title, Principal user, String csrf, String section) {

  public boolean current(String name) {
    return name.equals(section);
  }
}
