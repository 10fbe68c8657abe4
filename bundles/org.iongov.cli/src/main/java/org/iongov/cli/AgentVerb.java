package org.iongov.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.core.json.MetadataJson;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code ./iongov agent} runs an agent on a spool folder; {@code ./iongov agent status} describes one. */
final class AgentVerb implements Verb {

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public String summary() {
        return "run an agent on a spool folder, show an agent's status, or list a server's agents";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov agent --server URL --token T --spool DIR [--socket PATH] [--quota SIZE]
                       ./iongov agent status --spool DIR [--json]
                       ./iongov agent list --server URL --token T [--json]

                An agent keeps the metadata pipelines report in a durable spool folder and forwards it
                to the server, retrying while the server is away; nothing it accepted is lost or sent
                twice. Run as its own process (one per engine instance), it takes records from
                pipelines in other processes on a Unix domain socket (Governance.connect(socket) in the
                instrumentation API); pipelines can also start one in their own process
                (org.iongov.agent.Agent). It runs until stopped.

                  --server URL   the IonGov server, e.g. http://127.0.0.1:8470
                  --token T      the agent's token (role agent; ./iongov token create --role agent)
                  --spool DIR    the spool folder
                  --socket PATH  where pipelines connect (default: DIR/agent.sock)
                  --quota SIZE   the most the spool may hold, e.g. 512m or 2g (default 1g)

                status says whether an agent runs on the folder (it holds DIR/agent.lock: one agent
                per spool folder) and prints its last status: connection, backlog, oldest unsent
                record, quota use and records refused, from DIR/status.json (written when it changed,
                at most every 5 s).

                list asks a server which agents report to it (each sends a heartbeat every 10 s):
                id, host, online/late/silent, last contact, the engines of the runs it carried,
                pipelines on its socket, backlog and whether it reaches the server for forwarding.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Set.of("--server", "--token", "--spool", "--quota", "--socket"),
                Set.of("--json"));
        if (parsed.positionals().equals(List.of("list"))) {
            return list(parsed, out);
        }
        if (parsed.option("--spool") == null) {
            throw new UsageException("agent needs --spool DIR");
        }
        Path spool = Path.of(parsed.option("--spool")).toAbsolutePath().normalize();
        if (parsed.positionals().equals(List.of("status"))) {
            return status(spool, parsed.flag("--json"), out, err);
        }
        Options.noPositionals(name(), parsed);
        if (parsed.option("--server") == null || parsed.option("--token") == null) {
            throw new UsageException("agent needs --server URL and --token T (or say: agent status --spool DIR)");
        }
        long quota = parsed.option("--quota") == null ? 1L << 30 : size(parsed.option("--quota"));
        AgentConfig config = AgentConfig.of(URI.create(parsed.option("--server")), parsed.option("--token"), spool).withQuota(quota);
        Path socket = parsed.option("--socket") == null ? spool.resolve("agent.sock") : Path.of(parsed.option("--socket"));
        Agent agent;
        try {
            agent = Agent.start(config);
        } catch (IOException e) {
            throw new UsageException("agent: " + (runsOn(spool) ? e.getMessage() // (another agent's: the message names it)
                    : "cannot open spool " + spool + " (" + e.getMessage() + ")"));
        }
        try {
            agent.listen(socket);
        } catch (IOException e) {
            agent.close();
            throw new UsageException("agent: cannot listen on " + socket + " (" + e.getMessage() + ")");
        }
        return UntilStopped.run(out, "IonGov agent on " + spool + " forwarding to " + config.server() + ", pipelines connect to "
                + socket + " (backlog " + agent.status().backlogRecords() + " records)", "agent", agent::close);
    }

    private static boolean runsOn(Path spool) {
        try {
            return Agent.runsOn(spool);
        } catch (IOException e) {
            return false;
        }
    }

    private static int list(Arguments parsed, PrintStream out) {
        if (parsed.option("--server") == null || parsed.option("--token") == null) {
            throw new UsageException("agent list needs --server URL and --token T");
        }
        List<org.iongov.client.RemoteAgents.Agent> agents = new org.iongov.client.RemoteAgents(URI.create(parsed.option("--server")),
                parsed.option("--token")).list();
        if (parsed.flag("--json")) {
            Output.json(out, agents);
        } else if (agents.isEmpty()) {
            out.println("no agent has reported to this server since it started");
        } else {
            Output.table(out, List.of("AGENT", "HOST", "STATE", "LAST CONTACT", "ENGINES", "PIPELINES", "BACKLOG", "FORWARDING"),
                    agents.stream().map(a -> Output.row(a.agentId(), a.host(), a.state(), a.lastContact(), String.join(",", a.engines()),
                            a.pipelines(), a.backlogRecords(), a.connected() ? "ok" : a.lastError() == null ? "not yet" : a.lastError()))
                            .toList());
        }
        return ExitCodes.OK;
    }

    private static int status(Path spool, boolean json, PrintStream out, PrintStream err) {
        Path file = spool.resolve("status.json");
        if (!Files.exists(file)) {
            err.println("iongov agent: no agent has run on " + spool + " (no status.json there)");
            return ExitCodes.FAILED;
        }
        try {
            JsonNode status = MetadataJson.MAPPER.readTree(file.toFile());
            if (json) {
                out.println(status.toPrettyString());
                return ExitCodes.OK;
            }
            Instant written = Instant.parse(status.get("writtenAt").asText());
            boolean live = runsOn(spool);
            out.println("agent:          " + (live ? "running (status as of " + written + ")" : "not running (last status " + written + ")"));
            out.println("server:         " + (status.get("connected").asBoolean() ? "connected" : "not connected")
                    + text(status, "lastError", ", last error: "));
            out.println("last contact:   " + text(status, "lastContact", ""));
            out.println("backlog:        " + status.get("backlogRecords").asLong() + " records"
                    + text(status, "oldestUnsent", ", oldest spooled at "));
            out.println(String.format(Locale.ROOT, "spool:          %,d of %,d bytes (%.0f%%)%s", status.get("spoolBytes").asLong(),
                    status.get("quotaBytes").asLong(), 100.0 * status.get("spoolBytes").asLong() / status.get("quotaBytes").asLong(),
                    status.get("quotaFull").asBoolean() ? ", QUOTA FULL: refusing records" : ""));
            out.println("accepted:       " + status.get("accepted").asLong() + ", forwarded " + status.get("forwarded").asLong());
            out.println("refused:        " + (status.get("refused").isEmpty() ? "none" : status.get("refused").toString()));
            out.println("rejected:       " + status.get("rejected").asLong() + " (invalid, kept in " + spool.resolve("rejected") + ")");
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? (prefix.isEmpty() ? "never" : "") : prefix + value.asText();
    }

    /** {@code 512m}, {@code 2g}, {@code 1048576}. */
    static long size(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long bytes = Long.parseLong(t) * unit;
            if (bytes < 1L << 20) {
                throw new UsageException("agent: --quota must be at least 1m, was " + text);
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new UsageException("agent: --quota '" + text + "' is not a size such as 512m or 2g");
        }
    }
}
