package org.iongov.ui.model.connections;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A server's URL as a person types it, checked and normalised: {@code http://127.0.0.1:8470},
 * or {@code 127.0.0.1:8470} (http is assumed). Says in the user's terms what is wrong with it.
 */
public final class ServerAddress {

    /** What the URL of a server started with {@code ./iongov server} looks like. */
    public static final String EXAMPLE = "http://127.0.0.1:8470";

    private ServerAddress() {
    }

    /**
     * The server's base URL: scheme, host and port, without a trailing slash.
     *
     * @throws IllegalArgumentException saying what is wrong, in the user's terms
     */
    public static URI parse(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("Enter the server's URL, e.g. " + EXAMPLE + ".");
        }
        String withScheme = typed.contains("://") ? typed : "http://" + typed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + typed + "' is not a URL (" + e.getReason() + "); a server's URL looks like " + EXAMPLE
                    + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + typed + "' is not an http:// or https:// URL; a server's URL looks like " + EXAMPLE
                    + ".");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + typed + "' names no host (or a malformed one); a server's URL looks like " + EXAMPLE
                    + ".");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Leave the user and password out of the URL: the server knows you by the token.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawPath() != null && !uri.getRawPath().matches("/*")) {
            throw new IllegalArgumentException("Give the server's address only, without a path or query, e.g. " + EXAMPLE + ".");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("Port " + uri.getPort() + " is not one a server can listen on (1 to 65535).");
        }
        return URI.create(scheme + "://" + (uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
                : uri.getHost()) + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
    }

    /**
     * Whether a token sent to this URL travels unencrypted beyond this machine: plain http to a
     * host that is not a loopback address.
     */
    public static boolean sendsTokenInClear(URI server) {
        if (!"http".equals(server.getScheme())) {
            return false;
        }
        String host = server.getHost().replace("[", "").replace("]", "");
        if (host.equalsIgnoreCase("localhost")) {
            return false;
        }
        try {
            // Literal addresses only: a name is not looked up here (no I/O when checking what was typed).
            return !(host.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(host).isLoopbackAddress());
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
