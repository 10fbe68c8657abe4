package org.iongov.ui.model.connections;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.iongov.client.RemoteAgents;
import org.iongov.client.RemoteGovernanceStore;
import org.iongov.client.ServerRefusedException;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreInfo;
import org.iongov.ui.model.connections.ConnectionList.Draft;

/**
 * The connection view's logic, without a display: the embedded store and the remembered servers,
 * checking a server and its token before remembering it, opening the store a connection stands
 * for (the embedded Derby store, or a {@link RemoteGovernanceStore} that every view then reads
 * through, like the embedded one), and the agents that report to a server. Its methods do I/O
 * (storage, HTTP, Derby): call them off the UI thread.
 */
public final class ConnectionsPresenter {

    /** The id of the embedded store's entry. */
    public static final String EMBEDDED_ID = "embedded";
    /** The connection table's columns, in the order of {@link Entry#cells()}. */
    public static final List<String> CONNECTION_COLUMNS = List.of("Connection", "Address");
    /** What the agents table says for the embedded store. */
    public static final String NO_AGENTS_EMBEDDED = "Agents send their heartbeats to a server (./iongov server): an embedded store keeps no "
            + "list of them. Connect to a server to see its agents.";

    /**
     * A line of the connection table.
     *
     * @param id {@link #EMBEDDED_ID} or the remembered connection's id
     * @param name what it is called
     * @param address the embedded store's folder, or the server's URL
     * @param server the server's URL, null for the embedded store
     */
    public record Entry(String id, String name, String address, URI server) {

        public boolean embedded() {
            return server == null;
        }

        public List<String> cells() {
            return List.of(name, address);
        }
    }

    /**
     * A store opened for a connection: every view reads through it until the next switch.
     *
     * @param entry the connection
     * @param store the store, to be closed when switching away
     * @param summary one line for the status bar: which connection, which store, its schema
     */
    public record Opened(Entry entry, GovernanceStore store, String summary) {
    }

    /**
     * What the agents table shows for a connection.
     *
     * @param rows one per agent, most recently heard from first
     * @param message what the rows are, or why there are none
     */
    public record Agents(List<AgentRow> rows, String message) {

        public Agents {
            rows = List.copyOf(rows);
        }
    }

    private final ConnectionList list;
    private final Path embeddedFolder;
    private final Function<Path, GovernanceStore> openEmbedded;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param list the remembered servers
     * @param embeddedFolder the embedded store's folder ({@code --store}, else the default)
     * @param openEmbedded opens the embedded store in a folder (the Derby provider)
     */
    public ConnectionsPresenter(ConnectionList list, Path embeddedFolder, Function<Path, GovernanceStore> openEmbedded, Clock clock,
            ZoneId zone) {
        this.list = list;
        this.embeddedFolder = embeddedFolder;
        this.openEmbedded = openEmbedded;
        this.clock = clock;
        this.zone = zone;
    }

    public ConnectionList list() {
        return list;
    }

    /** The embedded store's entry, always first. */
    public Entry embedded() {
        return new Entry(EMBEDDED_ID, "Embedded store", embeddedFolder.toString(), null);
    }

    /** The embedded store, then the remembered servers, oldest first. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        entries.add(embedded());
        for (ServerConnection c : list.connections()) {
            entries.add(entry(c));
        }
        return entries;
    }

    private static Entry entry(ServerConnection c) {
        return new Entry(c.id(), c.name(), c.server().toString(), c.server());
    }

    /**
     * Checks that the server answers and accepts the token (the stored one when the draft has
     * none and {@code editingId} names a remembered connection).
     *
     * @return what the server said about its store, for the user
     * @throws IllegalArgumentException saying in the user's terms why not: unreachable, token refused
     */
    public String check(Draft draft, String editingId) {
        String token = draft.token() != null ? draft.token() : list.token(editingId);
        StoreInfo info = guarded(draft.server(), () -> new RemoteGovernanceStore(draft.server(), token).info());
        return "The server at " + draft.server() + " answers and accepts the token: " + info.summary() + ".";
    }

    /**
     * Checks the draft against its server, then remembers it: a new connection, or changes to
     * {@code editingId}. Nothing is stored when the check fails.
     *
     * @return the entry saved
     * @throws IllegalArgumentException saying in the user's terms why it was not saved
     */
    public Entry checkAndSave(Draft draft, String editingId) {
        check(draft, editingId);
        return entry(editingId == null ? list.add(draft) : list.update(editingId, draft));
    }

    /** Forgets a remembered server and its token; the embedded store cannot be removed. */
    public void remove(Entry entry) {
        if (entry.embedded()) {
            throw new IllegalArgumentException("The embedded store is always offered: it cannot be removed.");
        }
        list.remove(entry.id());
    }

    /**
     * Opens the store a connection stands for: the embedded store, or the server, checked with a
     * first request so that a wrong token is said now rather than by every view.
     *
     * @throws IllegalArgumentException saying in the user's terms why the server cannot be used
     * @throws StoreException when the embedded store cannot be opened (its message says why)
     */
    public Opened open(Entry entry) {
        if (entry.embedded()) {
            GovernanceStore store = openEmbedded.apply(embeddedFolder);
            return new Opened(entry, store, store.info().summary());
        }
        String token = list.token(entry.id());
        RemoteGovernanceStore store = new RemoteGovernanceStore(entry.server(), token);
        StoreInfo info = guarded(entry.server(), store::info);
        return new Opened(entry, store, entry.server() + " (the server's " + info.summary() + ")");
    }

    /**
     * The agents that report to a connection's server, most recently heard from first; for the
     * embedded store, why there are none to list.
     *
     * @throws IllegalArgumentException saying in the user's terms why the server did not answer
     */
    public Agents agents(Entry entry) {
        if (entry.embedded()) {
            return new Agents(List.of(), NO_AGENTS_EMBEDDED);
        }
        String token = list.token(entry.id());
        List<RemoteAgents.Agent> agents = guarded(entry.server(), () -> new RemoteAgents(entry.server(), token).list());
        var now = clock.instant();
        List<AgentRow> rows = agents.stream().map(a -> AgentRow.of(a, now, zone)).toList();
        long online = agents.stream().filter(a -> "online".equals(a.state())).count();
        String message = agents.isEmpty() ? "No agent has sent " + entry.name() + " a heartbeat since it started."
                : agents.size() + (agents.size() == 1 ? " agent reports" : " agents report") + " to " + entry.name() + ", " + online
                        + " online (heard from in the last 30 s).";
        return new Agents(rows, message);
    }

    /**
     * Runs a request to a server, turning what can go wrong with a connection into a sentence for
     * the person who typed it; anything else is not theirs to fix, and passes on.
     */
    private static <T> T guarded(URI server, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ServerRefusedException e) {
            throw new IllegalArgumentException(e.status() == 401
                    ? "The server at " + server + " does not accept this token (" + e.serverMessage()
                            + "). Check it, or create one there: ./iongov token create --user NAME --role operator."
                    : "The server at " + server + " refused this token's role: " + e.serverMessage() + ".", e);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.UNREACHABLE) {
                throw new IllegalArgumentException("Cannot reach the server at " + server + ": is it running (./iongov server), and "
                        + "is the URL right?", e);
            }
            throw new IllegalArgumentException("The server at " + server + " failed: " + e.getMessage(), e);
        }
    }
}
