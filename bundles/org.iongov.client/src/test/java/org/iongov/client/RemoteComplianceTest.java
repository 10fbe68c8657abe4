package org.iongov.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.core.access.Role;
import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.PolicyResult;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.StoreException;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server's compliance checks through the client, read back into the core's types. */
class RemoteComplianceTest {

    @TempDir
    Path temp;

    private GovernanceStore embedded;
    private GovernanceServer server;

    @BeforeEach
    void start() throws Exception {
        embedded = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        server = GovernanceServer.start(embedded, json -> "retraining", ServerOptions.defaults().withPort(0));
    }

    @AfterEach
    void stop() {
        server.close();
        embedded.close();
    }

    @Test
    void aCheckRunsOnTheServerAndBecomesTheLatestReport() throws Exception {
        RemoteCompliance auditor = new RemoteCompliance(server.uri(), embedded.createToken("alice", Role.AUDITOR).secret());
        embedded.createToken("olivia", Role.OPERATOR); // a ledger entry for the ledger policy to check
        assertTrue(auditor.latest().isEmpty(), "nothing has run yet");

        TimeRange window = new TimeRange(Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T09:00:00Z"));
        ComplianceCheck.Outcome outcome = auditor.check(window, null);
        assertEquals(window, outcome.report().window());
        assertEquals(List.of("serving-models-approved", "personal-data-approvals", "ledger-intact"),
                outcome.report().results().stream().map(PolicyResult::policyId).toList());
        assertTrue(outcome.report().passed());
        assertEquals(2, outcome.report().results().get(2).checked(), "two token entries in the ledger");
        assertEquals(0, outcome.recorded());
        assertEquals(outcome.report(), auditor.latest().orElseThrow());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> auditor.check(TimeRange.ALL, MetadataJson.MAPPER.readTree("{\"policies\": []}")));
        assertTrue(bad.getMessage().contains("policies: is empty"), bad.getMessage());
        RemoteCompliance operator = new RemoteCompliance(server.uri(), embedded.createToken("oscar", Role.OPERATOR).secret());
        StoreException refused = assertThrows(StoreException.class, () -> operator.check(TimeRange.ALL, null));
        assertEquals(StoreException.Reason.ACCESS_DENIED, refused.reason());
    }

    @Test
    void aPersonFlagsADatasetThroughTheServerAndTheStatusShowsNoAttemptYet() {
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        embedded.ingest(new org.iongov.core.metadata.IngestBatch(List.of(
                new org.iongov.core.metadata.DatasetRecord("dataset:patients", "file:///p.csv", 10, "d", null, t0))));
        RemoteCompliance auditor = new RemoteCompliance(server.uri(), embedded.createToken("alice", Role.AUDITOR).secret());
        var flag = auditor.flagPersonalData("dataset:patients", true, "holds names");
        assertEquals("flag-personal-data", flag.action());
        assertEquals("alice", flag.actor());
        assertEquals("dataset:patients", flag.subjectId());
        assertEquals(1, embedded.humanActions(new org.iongov.core.query.RecordQuery(null, null, "flag-personal-data", "dataset:patients",
                null, 10)).size());
        RemoteCompliance agent = new RemoteCompliance(server.uri(), embedded.createToken("agent-1", Role.AGENT).secret());
        assertEquals(StoreException.Reason.ACCESS_DENIED, assertThrows(StoreException.class,
                () -> agent.flagPersonalData("dataset:patients", false, null)).reason());

        auditor.check(new TimeRange(t0, t0.plusSeconds(60)), null);
        RemoteCompliance.Status status = auditor.status().orElseThrow();
        assertTrue(status.report() != null && status.lastAttempt() == null && status.lastError() == null && status.interval() == null,
                status.toString());
    }
}
