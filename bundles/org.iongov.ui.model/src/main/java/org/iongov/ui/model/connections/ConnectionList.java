package org.iongov.ui.model.connections;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The servers a person remembered: name and URL in the storage in the clear, the token
 * encrypted beside them. Checks what is typed before anything is stored. Its methods read or
 * write the storage (disk, and a password provider where one is installed): call them off the
 * UI thread. Thread-safe.
 */
public final class ConnectionList {

    static final String NAME = "name";
    static final String URL = "url";
    static final String TOKEN = "token";
    /** When it was added, to list connections in that order. */
    static final String ADDED = "added";
    static final int MAX_NAME = 80;

    /**
     * A connection as typed, checked: a name, a server URL and (unless kept from before) a token.
     *
     * @param name what to call it
     * @param server its base URL
     * @param token the bearer token, or null to keep the one stored (when editing)
     */
    public record Draft(String name, URI server, String token) {

        @Override
        public String toString() {
            return "Draft[" + name + ", " + server + (token == null ? "" : ", token ***") + "]";
        }
    }

    private final ConnectionStorage storage;
    private long lastAdded;

    public ConnectionList(ConnectionStorage storage) {
        this.storage = storage;
    }

    /**
     * Checks what a person typed: a name, a server URL, and a token unless {@code keepToken}
     * (editing: a blank token keeps the stored one).
     *
     * @throws IllegalArgumentException saying what is wrong, in the user's terms
     */
    public static Draft check(String name, String url, String token, boolean keepToken) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Give the connection a name, e.g. 'clinic production'.");
        }
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A connection's name is one line of at most " + MAX_NAME + " characters.");
        }
        URI server = ServerAddress.parse(url);
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            if (keepToken) {
                return new Draft(n, server, null);
            }
            throw new IllegalArgumentException("Paste a token the server issued (./iongov token create --user NAME --role operator "
                    + "prints it on its last line).");
        }
        if (t.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("A token is one word without spaces: paste only the secret.");
        }
        return new Draft(n, server, t);
    }

    /** The remembered connections, oldest first; one the storage holds only in part is left out. */
    public synchronized List<ServerConnection> connections() {
        record Stored(ServerConnection connection, long added) {
        }
        List<Stored> stored = new ArrayList<>();
        for (String id : storage.ids()) {
            String name = storage.get(id, NAME).orElse(null);
            String url = storage.get(id, URL).orElse(null);
            if (name == null || url == null) {
                continue;
            }
            URI server;
            try {
                server = ServerAddress.parse(url);
            } catch (IllegalArgumentException e) {
                continue; // written by hand or by a later version: not ours to show
            }
            long added = storage.get(id, ADDED).map(ConnectionList::parseLong).orElse(Long.MAX_VALUE);
            stored.add(new Stored(new ServerConnection(id, name, server), added));
        }
        stored.sort(Comparator.comparingLong(Stored::added).thenComparing(s -> s.connection().name()));
        return stored.stream().map(Stored::connection).toList();
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Remembers a new connection with its token.
     *
     * @throws IllegalArgumentException when the draft has no token or another connection has its name
     */
    public synchronized ServerConnection add(Draft draft) {
        if (draft.token() == null) {
            throw new IllegalArgumentException("A new connection needs its token.");
        }
        checkNameFree(draft.name(), null);
        String id = "server-" + UUID.randomUUID();
        long added = Math.max(System.currentTimeMillis(), lastAdded + 1);
        lastAdded = added;
        storage.put(id, NAME, draft.name(), false);
        storage.put(id, URL, draft.server().toString(), false);
        storage.put(id, ADDED, Long.toString(added), false);
        storage.put(id, TOKEN, draft.token(), true);
        storage.flush();
        return new ServerConnection(id, draft.name(), draft.server());
    }

    /**
     * Changes a remembered connection; a draft without a token keeps the stored one.
     *
     * @throws IllegalArgumentException when no such connection is remembered or another has the name
     */
    public synchronized ServerConnection update(String id, Draft draft) {
        if (storage.get(id, NAME).isEmpty()) {
            throw new IllegalArgumentException("No connection '" + id + "' is remembered (removed meanwhile?).");
        }
        checkNameFree(draft.name(), id);
        storage.put(id, NAME, draft.name(), false);
        storage.put(id, URL, draft.server().toString(), false);
        if (draft.token() != null) {
            storage.put(id, TOKEN, draft.token(), true);
        }
        storage.flush();
        return new ServerConnection(id, draft.name(), draft.server());
    }

    /** Forgets a connection and its token. */
    public synchronized void remove(String id) {
        storage.remove(id);
        storage.flush();
    }

    /**
     * The token stored for a connection.
     *
     * @throws IllegalArgumentException when none is stored
     */
    public synchronized String token(String id) {
        return storage.get(id, TOKEN).orElseThrow(() -> new IllegalArgumentException(
                "No token is stored for this connection: edit it and paste one."));
    }

    private void checkNameFree(String name, String exceptId) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ServerConnection c : connections()) {
            if (!c.id().equals(exceptId) && c.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                throw new IllegalArgumentException("A connection named '" + c.name() + "' is already remembered (" + c.server()
                        + "): choose another name, or edit that one.");
            }
        }
    }
}
