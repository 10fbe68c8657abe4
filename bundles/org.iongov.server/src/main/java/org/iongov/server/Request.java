package org.iongov.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iongov.core.access.AccessToken;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.query.TimeRange;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** One HTTP request as the API handlers see it. */
final class Request {

    private final HttpExchange exchange;
    private final List<String> pathParams;
    private final Map<String, String> query;
    private final long maxBodyBytes;
    private final AccessToken caller;
    private byte[] body;

    Request(HttpExchange exchange, List<String> pathParams, long maxBodyBytes, AccessToken caller) {
        this.exchange = exchange;
        this.pathParams = pathParams;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
        this.maxBodyBytes = maxBodyBytes;
        this.caller = caller;
    }

    AccessToken caller() {
        return caller;
    }

    String pathParam(int index) {
        return pathParams.get(index);
    }

    String param(String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    int intParam(String name, int defaultValue) {
        String value = param(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter '" + name + "' must be a whole number, was '" + value + "'");
        }
    }

    Integer optionalIntParam(String name) {
        return param(name) == null ? null : intParam(name, 0);
    }

    Instant timeParam(String name) {
        String value = param(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "query parameter '" + name + "' must be an ISO-8601 time such as 2026-11-20T08:00:00Z, was '"
                    + value + "'");
        }
    }

    TimeRange range() {
        try {
            return new TimeRange(timeParam("from"), timeParam("to"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    /** How much of an oversized body is read and dropped so the client can read the 413. */
    private static final long DRAIN_LIMIT = 64L << 20;

    /** The body, read once, refused with 413 beyond the limit. */
    byte[] body() throws IOException {
        if (body == null) {
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            try (InputStream in = exchange.getRequestBody()) {
                if (declared != null && parseLength(declared) > maxBodyBytes) {
                    drain(in, buffer);
                    throw new ApiException(413, "request body of " + declared + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
                }
                for (int n; (n = in.read(buffer)) > 0;) {
                    if (out.size() + n > maxBodyBytes) {
                        drain(in, buffer);
                        throw new ApiException(413, "request body exceeds the limit of " + maxBodyBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            body = out.toByteArray();
        }
        return body;
    }

    /**
     * Reads and drops the rest of a refused body (up to a bound), so that a client still sending
     * gets the 413 instead of a reset connection.
     */
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        long dropped = 0;
        for (int n; dropped < DRAIN_LIMIT && (n = in.read(buffer)) > 0;) {
            dropped += n;
        }
    }

    String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body as JSON; malformed JSON is a 400 that says where. */
    JsonNode json() throws IOException {
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw new ApiException(400, "the request needs a JSON body");
        }
        try {
            return MetadataJson.MAPPER.readTree(bytes);
        } catch (JsonParseException e) {
            throw new ApiException(400, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad Content-Length '" + value + "'");
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}
