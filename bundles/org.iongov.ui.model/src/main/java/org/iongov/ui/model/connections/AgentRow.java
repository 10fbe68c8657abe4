package org.iongov.ui.model.connections;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.iongov.client.RemoteAgents;

/**
 * One line of the connection view's agents table: an agent that sends the server heartbeats.
 *
 * @param agent its id
 * @param engines the engines of the runs it carried, or "—"
 * @param host the machine it runs on
 * @param state online, late or silent, and its last failure talking to the server if any
 * @param backlog records it spooled that the server has not stored yet
 * @param lastContact when the server last heard from it, and how long ago
 */
public record AgentRow(String agent, String engines, String host, String state, String backlog, String lastContact) {

    /** The table's columns, in the order of {@link #cells()}. */
    public static final List<String> COLUMNS = List.of("Agent", "Engines", "Host", "State", "Backlog", "Last contact");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public List<String> cells() {
        return List.of(agent, engines, host, state, backlog, lastContact);
    }

    /** An agent as the server lists it, said for a person at {@code now} in their time zone. */
    public static AgentRow of(RemoteAgents.Agent a, Instant now, ZoneId zone) {
        String engines = a.engines().isEmpty() ? "—" : String.join(", ", a.engines());
        String state = a.state() == null ? "unknown" : a.state();
        if (!a.connected()) {
            state += ", not forwarding";
        }
        if (a.lastError() != null && !a.lastError().isBlank()) {
            state += " (last error: " + a.lastError() + ")";
        }
        String backlog = a.backlogRecords() == 0 ? "none"
                : String.format("%,d %s", a.backlogRecords(), a.backlogRecords() == 1 ? "record" : "records")
                        + (a.oldestUnsent() == null ? "" : ", oldest " + ago(a.oldestUnsent(), now));
        String lastContact = a.lastContact() == null ? "never"
                : ago(a.lastContact(), now) + " (" + TIME.withZone(zone).format(a.lastContact()) + ")";
        return new AgentRow(a.agentId(), engines, a.host() == null ? "" : a.host(), state, backlog, lastContact);
    }

    /** "12 s ago", "3 min ago", "2 h ago", "4 days ago"; "just now" for the future a clock skew can make. */
    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toSeconds() < 1) {
            return "just now";
        }
        if (d.toSeconds() < 120) {
            return d.toSeconds() + " s ago";
        }
        if (d.toMinutes() < 120) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " days ago";
    }
}
