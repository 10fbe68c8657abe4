package org.iongov.ui.model.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.Violation;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.ui.model.compliance.CompliancePresenter.Check;
import org.iongov.ui.model.compliance.CompliancePresenter.ResultRow;
import org.iongov.ui.model.compliance.CompliancePresenter.ViolationRow;
import org.iongov.ui.model.compliance.CompliancePresenter.Window;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance view's presenter over a real embedded store: one instance whose model two people
 * approved, one whose model serves after an automatic approval only.
 */
class CompliancePresenterTest {

    @TempDir
    static Path temp;

    private static GovernanceStore store;
    private static ApprovalScenario approved;
    private static ApprovalScenario unreviewed;

    @BeforeAll
    static void record() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        String ion = Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json"));
        approved = ApprovalScenario.record(store, ion, "cp", Instant.now().minusSeconds(7200));
        unreviewed = ApprovalScenario.recordWithoutApproval(store, ion, "cp-auto", Instant.now().minusSeconds(3600));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static CompliancePresenter presenter() {
        return new CompliancePresenter(store, Clock.systemUTC(), ZoneOffset.UTC);
    }

    private static List<String> keys(List<Violation> violations) {
        return violations.stream().map(Violation::dedupeKey).toList();
    }

    private static List<EventRecord> recorded() {
        return store.events(new RecordQuery(null, null, Violation.EVENT_TYPE, null, null, 1000));
    }

    @Test
    void theViewListsExactlyWhatTheCoreCheckFindsAndRecordsThemOnlyWhenAsked() {
        Check looked = presenter().check(Window.ALL, false);
        List<Violation> core = new ComplianceCheck(CompliancePolicies.defaults(), Clock.systemUTC()).run(store, TimeRange.ALL).violations();
        assertEquals(keys(core), keys(looked.violations().stream().map(ViolationRow::violation).toList()));
        assertEquals(-1, looked.recorded());
        assertTrue(recorded().isEmpty(), "looking records nothing");

        // The unreviewed model breaks serving-models-approved; the approved one breaks nothing.
        assertEquals(1, looked.violations().size(), looked.violations().toString());
        ViolationRow row = looked.violations().get(0);
        assertEquals("serving-models-approved", row.violation().policyId());
        assertEquals(List.of("serving-models-approved", "model " + unreviewed.productionModel(),
                unreviewed.instance() + " / run " + unreviewed.inferenceRun()), row.cells().subList(0, 3));
        assertTrue(row.cells().get(3).contains("without a human approval"), row.cells().get(3));
        assertEquals("error", row.cells().get(5));
        assertTrue(looked.violations().stream().noneMatch(v -> v.violation().subjectId().equals(approved.productionModel())));

        List<ResultRow> results = looked.results();
        assertEquals(List.of("serving-models-approved", "personal-data-approvals", "ledger-intact"),
                results.stream().map(r -> r.cells().get(0)).toList());
        assertEquals(List.of("FAIL", "PASS", "PASS"), results.stream().map(r -> r.cells().get(1)).toList());
        assertEquals("1", results.get(0).cells().get(3));
        assertEquals(Integer.toString(looked.report().results().get(0).checked()), results.get(0).cells().get(2));

        // Check now records each violation once, as ./iongov audit check does.
        Check checked = presenter().check(Window.ALL, true);
        assertEquals(1, checked.recorded());
        assertEquals(List.of(row.violation().eventId()), recorded().stream().map(EventRecord::id).toList());
        assertTrue(checked.summary().contains("1 recorded now as compliance-violation events"), checked.summary());
        Check again = presenter().check(Window.ALL, true);
        assertEquals(0, again.recorded());
        assertTrue(again.summary().endsWith("the others already were."), again.summary());
        assertEquals(1, recorded().size());
    }

    @Test
    void theLedgerIsReportedIntactWithItsHead() {
        Check check = presenter().check(Window.ALL, false);
        LedgerVerification ledger = store.verifyLedger(null);
        assertTrue(check.ledger().intact());
        assertEquals(ledger.head(), check.ledger().head());
        assertEquals("Ledger intact: " + ledger.entriesChecked() + " entries verified, head at entry " + ledger.head().sequence() + " ("
                + ledger.head().hash() + ").", check.ledgerStatus());
    }

    @Test
    void aBrokenLedgerSaysWhereAndHow() {
        LedgerVerification broken = LedgerVerification.broken(12, new LedgerHead(12, "ab".repeat(32)), 7, "approval",
                "the entry's hash does not match its content");
        assertEquals("Ledger BROKEN at entry 7 (approval): the entry's hash does not match its content. 12 entries read; the store's head"
                + " is at entry 12.", CompliancePresenter.ledgerStatus(broken));
    }

    @Test
    void windowsEndNow() {
        Instant now = Instant.parse("2026-11-20T08:00:00Z");
        assertEquals(TimeRange.ALL, Window.ALL.range(now));
        TimeRange week = Window.WEEK.range(now);
        assertEquals(now.minus(Duration.ofDays(7)), week.from());
        assertTrue(week.contains(now));
    }
}
