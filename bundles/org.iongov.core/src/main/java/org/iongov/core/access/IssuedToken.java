package org.iongov.core.access;

/**
 * A newly issued token with its secret, shown to its owner once.
 *
 * @param token the stored part
 * @param secret the bearer secret to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(AccessToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=<hidden>]";
    }
}
