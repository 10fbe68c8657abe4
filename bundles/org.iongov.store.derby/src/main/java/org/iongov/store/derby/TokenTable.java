package org.iongov.store.derby;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.iongov.core.access.AccessToken;
import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.core.audit.LedgerEntryKind;

/**
 * Bearer tokens. Secrets are 256 random bits, so a plain SHA-256 of the secret is what is
 * stored: it cannot be reversed, and lookups by hash need no per-token salt.
 */
final class TokenTable {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String SECRET_PREFIX = "igv_";

    private TokenTable() {
    }

    static IssuedToken create(Connection c, String user, Role role, Instant now, LedgerTable ledger, String actor) throws SQLException {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        byte[] idBytes = new byte[8];
        RANDOM.nextBytes(idBytes);
        String id = "tok-" + HexFormat.of().formatHex(idBytes);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ACCESS_TOKEN (ID, USER_NAME, ROLE, SECRET_SHA256, CREATED_AT) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, user);
            ps.setString(3, role.name());
            ps.setString(4, sha256(secret));
            ps.setLong(5, Sql.millis(now));
            ps.executeUpdate();
        }
        ledger.append(c, List.of(LedgerTable.token(LedgerEntryKind.TOKEN_CREATED, id, user, role.name(), actor)));
        return new IssuedToken(new AccessToken(id, user, role, now), secret);
    }

    static Optional<AccessToken> authenticate(Connection c, String secret) throws SQLException {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, USER_NAME, ROLE, CREATED_AT FROM ACCESS_TOKEN WHERE SECRET_SHA256 = ? AND REVOKED_AT IS NULL")) {
            ps.setString(1, sha256(secret));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(token(rs)) : Optional.empty();
            }
        }
    }

    static List<AccessToken> list(Connection c) throws SQLException {
        List<AccessToken> tokens = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, USER_NAME, ROLE, CREATED_AT FROM ACCESS_TOKEN WHERE REVOKED_AT IS NULL ORDER BY CREATED_AT, ID");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tokens.add(token(rs));
            }
        }
        return tokens;
    }

    static boolean revoke(Connection c, String id, Instant now, LedgerTable ledger, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ACCESS_TOKEN SET REVOKED_AT = ? WHERE ID = ? AND REVOKED_AT IS NULL")) {
            ps.setLong(1, Sql.millis(now));
            ps.setString(2, id);
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT USER_NAME, ROLE FROM ACCESS_TOKEN WHERE ID = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ledger.append(c, List.of(LedgerTable.token(LedgerEntryKind.TOKEN_REVOKED, id, rs.getString(1), rs.getString(2), actor)));
            }
        }
        return true;
    }

    private static AccessToken token(ResultSet rs) throws SQLException {
        return new AccessToken(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), Sql.instant(rs, 4));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
