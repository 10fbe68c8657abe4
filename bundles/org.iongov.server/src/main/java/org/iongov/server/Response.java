package org.iongov.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a handler answers: JSON, or raw bytes (model downloads).
 *
 * @param status the HTTP status
 * @param json the JSON body, or null
 * @param bytes a binary body, or null
 */
record Response(int status, JsonNode json, byte[] bytes) {

    static Response ok(JsonNode json) {
        return new Response(200, json, null);
    }

    static Response created(JsonNode json) {
        return new Response(201, json, null);
    }

    static Response binary(byte[] bytes) {
        return new Response(200, null, bytes);
    }
}
