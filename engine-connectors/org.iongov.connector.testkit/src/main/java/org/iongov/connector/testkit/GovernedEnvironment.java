package org.iongov.connector.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.agent.api.Governance;
import org.iongov.core.access.Role;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.model.definition.IonDefinitions;
import org.iongov.model.validation.ValidationReport;
import org.iongov.server.GovernanceServer;
import org.iongov.server.IonDefinitionCheck;
import org.iongov.server.ServerOptions;

/**
 * What a governed pipeline runs against, for real, in one JVM: an embedded Derby store in a
 * folder, the server on a loopback port, an ION definition deployed as an instance, and an agent
 * with its spool. Connector tests report through {@link #governance()} (or the agent's socket),
 * wait with {@link #awaitStored()}, and check what the store holds.
 */
public final class GovernedEnvironment implements AutoCloseable {

    private final GovernanceStore store;
    private final GovernanceServer server;
    private final Agent agent;
    private final String instanceId;
    private final Path folder;

    private GovernedEnvironment(Path folder, GovernanceStore store, GovernanceServer server, Agent agent, String instanceId) {
        this.folder = folder;
        this.store = store;
        this.server = server;
        this.agent = agent;
        this.instanceId = instanceId;
    }

    /**
     * Starts everything in {@code folder}, with one instance (id {@code instanceId}) of the ION
     * definition in {@code ionJson}.
     */
    public static GovernedEnvironment start(Path folder, String ionJson, String instanceId) throws IOException {
        Files.createDirectories(folder);
        GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class, GovernedEnvironment.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no store provider on the classpath"))
                .openEmbedded(folder.resolve("store"));
        try {
            ValidationReport report = IonDefinitions.validate(ionJson, "test ION");
            if (!report.isValid()) {
                throw new IllegalArgumentException("invalid test ION: " + report.errors());
            }
            String name = report.ion().orElseThrow().getName();
            int version = store.addIonDefinition(name, ionJson).version();
            store.ingest(new IngestBatch(List.of(new IonInstanceRecord(instanceId, name, version, Instant.now(), "connector test"))));
            String token = store.createToken("connector-test-agent", Role.AGENT).secret();
            GovernanceServer server = GovernanceServer.start(store, IonDefinitionCheck.ionModel(), ServerOptions.defaults().withPort(0));
            Agent agent = Agent.start(AgentConfig.of(server.uri(), token, folder.resolve("spool")));
            return new GovernedEnvironment(folder, store, server, agent, instanceId);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Like {@link #start(Path, String, String)} with one of the ION model's samples, by file name. */
    public static GovernedEnvironment startWithSample(Path folder, String sampleFileName, String instanceId) throws IOException {
        return start(folder, Files.readString(sample(sampleFileName)), instanceId);
    }

    /** A sample ION definition of {@code ion-model/examples}, found from the system property iongov.root. */
    public static Path sample(String fileName) {
        String root = System.getProperty("iongov.root");
        if (root == null) {
            throw new IllegalStateException("set the system property iongov.root to the repository's folder");
        }
        return Path.of(root, "ion-model", "examples", fileName);
    }


    /** Reporting through the in-process agent. */
    public Governance governance() {
        return agent.governance();
    }

    /** The agent's Unix socket, for pipelines (or operators) that connect with Governance.connect. */
    public Path socket() {
        try {
            return agent.listen(folder.resolve("agent.sock"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Agent agent() {
        return agent;
    }

    public GovernanceStore store() {
        return store;
    }

    public URI serverUri() {
        return server.uri();
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Waits until everything reported through the in-process agent so far is stored (and the
     * server's model propagation has run on it). Reports from other processes must flush first.
     */
    public void awaitStored() {
        try {
            if (!agent.governance().flush(Duration.ofSeconds(60)) || !agent.awaitForwarded(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the agent did not forward everything within 60 s: " + agent.status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the agent", e);
        }
    }

    @Override
    public void close() {
        try {
            agent.close();
        } finally {
            try {
                server.close();
            } finally {
                store.close();
            }
        }
    }
}
