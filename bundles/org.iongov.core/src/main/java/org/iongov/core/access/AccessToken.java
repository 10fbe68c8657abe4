package org.iongov.core.access;

import java.time.Instant;

/**
 * A token as the store knows it (the secret itself is never stored, only its hash).
 *
 * @param id the token's public id
 * @param user who it was issued to (a person, or an agent's name)
 * @param role what it may do
 * @param createdAt when it was issued
 */
public record AccessToken(String id, String user, Role role, Instant createdAt) {
}
