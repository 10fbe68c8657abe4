package org.iongov.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.ComplianceReport;
import org.iongov.core.compliance.PolicyResult;
import org.iongov.core.compliance.Violation;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.TimeRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in compliance policies over a real embedded store filled through ingest and the ION's policy nodes. */
class ComplianceCheckTest {

    private static final Instant T0 = GovernedStoreFixture.T0;
    private static final TimeRange HOUR = new TimeRange(T0, T0.plusSeconds(3600));

    @TempDir
    Path temp;

    private GovernedStoreFixture fixture;
    private final Clock checkClock = Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC);

    @BeforeEach
    void fill() throws Exception {
        fixture = new GovernedStoreFixture(temp.resolve("store")).standardScenario();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ComplianceReport check(TimeRange window) {
        return new ComplianceCheck(CompliancePolicies.defaults(), checkClock).run(fixture.store, window);
    }

    private static PolicyResult result(ComplianceReport report, String id) {
        return report.results().stream().filter(r -> r.policyId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void servingModelsNeedAHumanApprovalAndATrainingAucOfAtLeastTheMinimum() {
        ComplianceReport report = check(HOUR);
        PolicyResult approved = result(report, "serving-models-approved");
        assertFalse(approved.passed());
        assertEquals(4, approved.checked(), "model-1, model-3, model-4 and model-5 served in the hour; model-2 never did");
        assertEquals(List.of("model-3"), approved.violations().stream().map(Violation::subjectId).toList());
        Violation v = approved.violations().get(0);
        assertEquals("model model-3 serves at recommend-tests (instance auto-1) without a human approval and with a training auc of 0.72,"
                + " below 0.8", v.message());
        assertEquals("auto-1", v.instanceId());
        assertEquals("infer-auto", v.runId());
        assertEquals(T0.plusSeconds(1260), v.observedAt());
        assertEquals(EventRecord.Severity.ERROR, v.severity());
        assertTrue(v.evidenceJson().contains("\"approvers\":[]") && v.evidenceJson().contains("\"auc\":0.72"), v.evidenceJson());

        // A stricter configuration: two approvals and an auc of 0.9 leave only model-1 compliant.
        ComplianceReport strict = new ComplianceCheck(CompliancePolicies.parse("{\"policies\":[{\"id\":\"strict\",\"type\":"
                + "\"serving-models-approved\",\"minApprovals\":2,\"minimum\":0.9,\"severity\":\"warning\"}]}", "test"), checkClock)
                .run(fixture.store, HOUR);
        assertEquals(List.of("model-3", "model-4", "model-5"), strict.violations().stream().map(Violation::subjectId).sorted().toList());
        Violation four = strict.violations().stream().filter(x -> x.subjectId().equals("model-4")).findFirst().orElseThrow();
        assertEquals("model model-4 serves at recommend-tests (instance single-1) with 1 human approval (olivia), 2 needed and with a"
                + " training auc of 0.88, below 0.9", four.message());
        assertEquals(EventRecord.Severity.WARNING, four.severity());
    }

    @Test
    void modelsTrainedOnPersonalDataServeOnlyWithTwoDistinctApprovers() {
        PolicyResult personal = result(check(HOUR), "personal-data-approvals");
        assertEquals(List.of("model-3", "model-4"), personal.violations().stream().map(Violation::subjectId).toList(),
                "model-1 has two approvers; model-5 was trained on weather data");
        assertEquals("model model-4 serves at recommend-tests (instance single-1) and was trained on personal data (dataset:patients,"
                + " flagged by priya) with 1 distinct human approval (olivia); 2 needed", personal.violations().get(1).message());

        // Withdrawing the flag clears the violation.
        fixture.ingest(new org.iongov.core.metadata.HumanActionRecord("clear:patients", "priya", "auditor", "clear-personal-data",
                "dataset", GovernedStoreFixture.PERSONAL, null, T0.plusSeconds(3000), "pseudonymised"));
        assertTrue(result(check(HOUR), "personal-data-approvals").passed());
    }

    @Test
    void theWindowDecidesWhichModelsServed() {
        // Before anything was deployed nothing served; once model-5 replaced model-4, model-1, model-3 and model-5 serve.
        assertTrue(check(new TimeRange(T0, T0.plusSeconds(500))).passed());
        assertEquals(4, result(check(new TimeRange(T0.plusSeconds(2400), T0.plusSeconds(3600))), "serving-models-approved").checked(),
                "model-4 still served until 2520 s");
        ComplianceReport late = check(new TimeRange(T0.plusSeconds(2520), T0.plusSeconds(3600)));
        assertEquals(3, result(late, "serving-models-approved").checked());
        assertEquals(List.of("model-3"), result(late, "personal-data-approvals").violations().stream().map(Violation::subjectId).toList());
    }

    @Test
    void onlyApprovalsGivenAtTheServingInstancesApprovedPolicyStepsBeforeItServedCount() {
        // model-3 went through an automatic approval and served from 1260 s; approvals recorded after that do not count,
        // whether or not their ids place them at its policy step.
        String message = fixture.store.messages(new RecordQuery(null, "auto-1", null, "model-3", null, 10)).get(0).id();
        fixture.ingest(new HumanActionRecord("policy:" + message + ":approve:olivia", "olivia", "operator", "approve", "model",
                "model-3", "clinical-approval", T0.plusSeconds(1300), "afterwards"),
                new HumanActionRecord("late-approval", "oscar", "operator", "approve", "model", "model-3", null, T0.plusSeconds(1400), null));
        Violation three = result(check(HOUR), "serving-models-approved").violations().get(0);
        assertEquals("model model-3 serves at recommend-tests (instance auto-1) without a human approval and with a training auc of 0.72,"
                + " below 0.8", three.message());
        assertTrue(three.evidenceJson().contains("\"approvers\":[]"), three.evidenceJson());
        // model-1's two approvals were given at c-1's policy step before it served.
        assertEquals(List.of("model-3", "model-4"), result(check(HOUR), "personal-data-approvals").violations().stream()
                .map(Violation::subjectId).toList());
    }

    @Test
    void anInstanceWhoseIonCannotBeReadIsAViolationNotAPass() {
        // The store takes any text as a definition (the server validates uploads): one that is not an ION.
        fixture.store.addIonDefinition("broken", "{\"name\": \"broken\"}");
        fixture.instance("ghost-1", "broken");
        PolicyResult approved = result(check(HOUR), "serving-models-approved");
        assertFalse(approved.passed());
        Violation ghost = approved.violations().stream().filter(v -> v.subjectKind().equals("instance")).findFirst().orElseThrow();
        assertEquals("ghost-1", ghost.subjectId());
        assertTrue(ghost.message().startsWith("instance ghost-1: ION broken v1 cannot be read (")
                && ghost.message().endsWith("); its models cannot be checked"), ghost.message());
        assertTrue(result(check(HOUR), "personal-data-approvals").violations().stream().anyMatch(v -> v.subjectId().equals("ghost-1")));
    }

    @Test
    void aDifferentViolationOfTheSameModelIsRecordedAgain() {
        ComplianceCheck strict = new ComplianceCheck(CompliancePolicies.parse("{\"policies\":[{\"id\":\"strict\",\"type\":"
                + "\"serving-models-approved\",\"minApprovals\":2,\"minimum\":0.9}]}", "test"), checkClock);
        assertEquals(3, strict.runAndRecord(fixture.store, HOUR).recorded(), "model-3, model-4 and model-5");
        assertEquals(0, strict.runAndRecord(fixture.store, HOUR).recorded(), "the same violations again");
        // model-4 is re-evaluated: its auc now passes, but it still has one approval of two: a different violation.
        fixture.ingest(new org.iongov.core.metadata.StatisticRecord("auc-4b", "train-4", "evaluate", "auc", T0.plusSeconds(3000), 0.95,
                null));
        assertEquals(1, strict.runAndRecord(fixture.store, HOUR).recorded());
        List<String> ids = fixture.store.events(new RecordQuery(null, null, Violation.EVENT_TYPE, null, null, 100)).stream()
                .map(EventRecord::id).filter(id -> id.startsWith("compliance:strict:model:model-4:")).sorted().toList();
        String message = fixture.store.messages(new RecordQuery(null, "single-1", null, "model-4", null, 10)).stream()
                .filter(m -> m.channel().equals("approved-model")).findFirst().orElseThrow().id();
        assertEquals(List.of("compliance:strict:model:model-4:single-1:" + message + ":approvals",
                "compliance:strict:model:model-4:single-1:" + message + ":approvals+auc-below"), ids);
    }

    @Test
    void violationsAreRecordedAsEventsOncePerPolicySubjectAndOccurrence() {
        ComplianceReport first = check(HOUR);
        assertEquals(3, ComplianceCheck.record(fixture.store, first));
        List<EventRecord> events = fixture.store.events(new RecordQuery(null, null, Violation.EVENT_TYPE, null, null, 100));
        assertEquals(3, events.size());
        EventRecord event = events.stream().filter(e -> e.id().startsWith("compliance:serving-models-approved:model:model-3:auto-1:")
                && e.id().endsWith(":approvals+auc-below")).findFirst().orElseThrow();
        assertEquals("auto-1", event.instanceId());
        assertEquals("infer-auto", event.runId());
        assertEquals(EventRecord.Severity.ERROR, event.severity());
        assertTrue(event.message().startsWith("model model-3 serves at recommend-tests"), event.message());
        assertTrue(event.detailsJson().contains("\"policyId\":\"serving-models-approved\"")
                && event.detailsJson().contains("\"policyType\":\"serving-models-approved\"")
                && event.detailsJson().contains("\"policyDescription\":\"every model serving in production had a human approval"),
                event.detailsJson());
        // The next periodic run finds the same violations and records nothing new.
        assertEquals(0, ComplianceCheck.record(fixture.store, check(HOUR)));
        assertEquals(3, fixture.store.events(new RecordQuery(null, null, Violation.EVENT_TYPE, null, null, 100)).size());
        // They show in the serving run's events, where a prediction's lineage finds them.
        assertEquals(2, fixture.store.events(new RecordQuery("infer-auto", null, Violation.EVENT_TYPE, null, null, 100)).size());
    }

    @Test
    void aBadConfigurationIsRefusedNamingEachProblem() {
        CompliancePolicies.InvalidConfigException e = assertThrows(CompliancePolicies.InvalidConfigException.class,
                () -> CompliancePolicies.parse("{\"policies\":[{\"type\":\"serving-models-approved\",\"minimum\":\"high\",\"colour\":1},"
                        + "{\"type\":\"no-such\"},{\"type\":\"ledger-intact\",\"id\":\"x\"},{\"type\":\"ledger-intact\",\"id\":\"x\"},"
                        + "{\"type\":\"personal-data-approvals\",\"minApprovers\":0,\"severity\":\"fatal\"}]}", "policies.json"));
        assertEquals(List.of(
                "policies[0].colour: not a parameter of serving-models-approved (it takes id, metric, minApprovals, minimum, severity, type)",
                "policies[0].minimum: must be a number, was \"high\"",
                "policies[1].type: 'no-such' is not known; one of ledger-intact, personal-data-approvals, serving-models-approved",
                "policies[3].id: 'x' is used twice; give each policy its own id",
                "policies[4].severity: must be \"warning\" or \"error\", was \"fatal\"",
                "policies[4].minApprovers: must be a whole number from 1 to 100, was 0"), e.problems());
        assertTrue(e.getMessage().startsWith("policies.json is not a valid compliance policy configuration: "), e.getMessage());
        assertThrows(CompliancePolicies.InvalidConfigException.class, () -> CompliancePolicies.parse("{\"policies\": [", "f"));
        assertThrows(CompliancePolicies.InvalidConfigException.class, () -> CompliancePolicies.parse("[]", "f"));
        assertThrows(IllegalArgumentException.class, () -> CompliancePolicies.read(temp.resolve("missing.json")));
    }
}
