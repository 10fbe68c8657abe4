package org.iongov.ui.model.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void aServersUrlIsNormalisedToSchemeHostAndPort() {
        assertEquals(URI.create("http://127.0.0.1:8470"), ServerAddress.parse(" http://127.0.0.1:8470/ "));
        assertEquals(URI.create("http://127.0.0.1:8470"), ServerAddress.parse("127.0.0.1:8470"), "http is assumed");
        assertEquals(URI.create("https://governance.clinic.example"), ServerAddress.parse("HTTPS://governance.clinic.example"));
        assertEquals(URI.create("http://[::1]:8470"), ServerAddress.parse("http://[::1]:8470"));
        assertEquals(URI.create("http://localhost:8470"), ServerAddress.parse("localhost:8470"));
    }

    @Test
    void whatIsWrongWithAUrlIsSaidInTheUsersTerms() {
        assertEquals("Enter the server's URL, e.g. http://127.0.0.1:8470.", message("  "));
        assertTrue(message("ftp://host:21").contains("is not an http:// or https:// URL"), message("ftp://host:21"));
        assertTrue(message("http://host:8470/api/v1").contains("without a path"), message("http://host:8470/api/v1"));
        assertTrue(message("http://host:8470?token=x").contains("without a path or query"));
        assertTrue(message("http://alice:secret@host:8470").contains("Leave the user and password out"));
        assertTrue(message("http://host:99999").contains("1 to 65535"), message("http://host:99999"));
        assertTrue(message("http://ho st:80").contains("is not a URL"), message("http://ho st:80"));
        assertTrue(message("http://:8470").contains("names no host"), message("http://:8470"));
    }

    @Test
    void aTokenGoesUnencryptedOnlyOverPlainHttpBeyondThisMachine() {
        assertFalse(ServerAddress.sendsTokenInClear(URI.create("http://127.0.0.1:8470")));
        assertFalse(ServerAddress.sendsTokenInClear(URI.create("http://localhost:8470")));
        assertFalse(ServerAddress.sendsTokenInClear(URI.create("http://[::1]:8470")));
        assertFalse(ServerAddress.sendsTokenInClear(URI.create("https://governance.clinic.example")));
        assertTrue(ServerAddress.sendsTokenInClear(URI.create("http://governance.clinic.example:8470")));
        assertTrue(ServerAddress.sendsTokenInClear(URI.create("http://192.0.2.7:8470")));
    }

    private static String message(String url) {
        return assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(url)).getMessage();
    }
}
