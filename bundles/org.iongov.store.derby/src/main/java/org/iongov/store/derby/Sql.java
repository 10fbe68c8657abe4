package org.iongov.store.derby;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/** Small conversions between Java values and Derby columns. */
final class Sql {

    private Sql() {
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static void setNullableMillis(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.toEpochMilli());
        }
    }

    static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static void setNullableClob(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.CLOB);
        } else {
            ps.setString(index, value);
        }
    }

    /** Derby's DOUBLE cannot hold NaN: a structured or missing value is stored as NULL. */
    static void setNullableDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static double doubleOrNaN(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    /** Histograms are bulky and repetitive JSON: gzip roughly quarters them. */
    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 3 + 16);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code ?, ?, ?} for an IN list of n parameters. */
    static String gunzip(byte[] stored) {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(stored))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a stored log line is not valid gzip", e);
        }
    }

    static String placeholders(int n) {
        return "?" + ", ?".repeat(Math.max(0, n - 1));
    }
}
