package org.iongov.store.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MessageRecord.MessageType;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunEndRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.timeline.IonTimeline;
import org.iongov.core.timeline.IonTimeline.Arrow;
import org.iongov.core.timeline.IonTimeline.Lane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ION timeline (Figure 3) read from a store filled through the ingest path. */
class IonTimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path temp;

    private GovernanceStore store;

    @BeforeEach
    void open() throws Exception {
        store = new DerbyStoreProvider().openEmbedded(temp.resolve("store"));
        store.addIonDefinition("retraining", """
                {"name":"retraining","nodes":[
                  {"type":"pipeline","name":"train","role":"training"},
                  {"type":"policy","name":"approve","kind":"human-approval"},
                  {"type":"pipeline","name":"infer","role":"inference"},
                  {"type":"pipeline","name":"canary","role":"control"}]}""");
        byte[] model = "<PMML/>".getBytes(StandardCharsets.UTF_8);
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new IonInstanceRecord("inst-1", "retraining", 1, T0, null));
        // A training run that ended before the window, then one inside it.
        records.add(run("run-train-0", "train", RunRecord.NodeKind.PIPELINE, T0.minusSeconds(3600)));
        records.add(new RunEndRecord("end-0", "run-train-0", T0.minusSeconds(3500), RunStatus.SUCCEEDED));
        records.add(run("run-train-1", "train", RunRecord.NodeKind.PIPELINE, T0.plusSeconds(10)));
        records.add(new ModelRecord("model-1", "run-train-1", "lr", ModelRecord.ModelFormat.PMML, MetadataStoreTest.sha256(model),
                model.length, T0.plusSeconds(40), model, null, null));
        records.add(new RunEndRecord("end-1", "run-train-1", T0.plusSeconds(45), RunStatus.SUCCEEDED));
        records.add(run("run-approve-1", "approve", RunRecord.NodeKind.POLICY, T0.plusSeconds(41)));
        records.add(new RunEndRecord("end-2", "run-approve-1", T0.plusSeconds(90), RunStatus.SUCCEEDED));
        // Inference started long before the window and still runs.
        records.add(run("run-infer-1", "infer", RunRecord.NodeKind.PIPELINE, T0.minusSeconds(7200)));
        records.add(new MessageRecord("msg-1", "inst-1", "candidate", MessageType.MODEL, "run-train-1", null, T0.plusSeconds(41), null,
                "model-1", null));
        records.add(new MessageReceivedRecord("msg-1-recv", "msg-1", "run-approve-1", T0.plusSeconds(41)));
        records.add(new MessageRecord("msg-2", "inst-1", "approved", MessageType.MODEL, "run-approve-1", null, T0.plusSeconds(90), null,
                "model-1", null));
        records.add(new MessageReceivedRecord("msg-2-recv", "msg-2", "run-infer-1", T0.plusSeconds(92)));
        records.add(new MessageRecord("msg-3", "inst-1", "drift", MessageType.EVENT, "run-infer-1", null, T0.plusSeconds(100), null,
                null, "{\"feature\":\"age\"}"));
        store.ingest(new IngestBatch(records));
    }

    private static RunRecord run(String id, String node, RunRecord.NodeKind kind, Instant start) {
        return new RunRecord(id, "inst-1", node, kind, start, null, null, null, null, null, null, null, null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void lanesFollowTheDefinitionAndHoldTheRunsThatOverlapTheWindow() {
        IonTimeline timeline = IonTimeline.of(store, "inst-1", new TimeRange(T0, T0.plusSeconds(600)), 1000);
        assertEquals(List.of("train", "approve", "infer", "canary"), timeline.lanes().stream().map(Lane::node).toList());
        assertEquals(List.of("training", "human-approval", "inference", "control"),
                timeline.lanes().stream().map(Lane::role).toList());
        Lane train = timeline.lane("train").orElseThrow();
        assertEquals(List.of("run-train-1"), train.runs().stream().map(IonTimeline.RunBar::runId).toList(),
                "the run that ended before the window is not drawn");
        assertEquals(T0.plusSeconds(45), train.runs().get(0).end());
        IonTimeline.RunBar infer = timeline.lane("infer").orElseThrow().runs().get(0);
        assertEquals("run-infer-1", infer.runId());
        assertNull(infer.end(), "still running");
        assertEquals(RunStatus.RUNNING, infer.status());
        assertTrue(timeline.lane("canary").orElseThrow().runs().isEmpty(), "a node that never ran keeps its lane");
        assertFalse(timeline.truncated());
    }

    @Test
    void messagesAreArrowsFromTheSendersLaneToTheReceivers() {
        IonTimeline timeline = IonTimeline.of(store, "inst-1", new TimeRange(T0, T0.plusSeconds(600)), 1000);
        List<Arrow> arrows = timeline.arrows();
        assertEquals(List.of("msg-1", "msg-2", "msg-3"), arrows.stream().map(Arrow::messageId).toList(), "oldest first");
        Arrow toPolicy = arrows.get(0);
        assertEquals("train", toPolicy.senderNode());
        assertEquals("approve", toPolicy.receiverNode());
        assertEquals("model-1", toPolicy.modelId());
        Arrow deployed = arrows.get(1);
        assertEquals("approve", deployed.senderNode());
        assertEquals("infer", deployed.receiverNode());
        assertEquals("run-infer-1", deployed.receiverRunId());
        assertEquals(T0.plusSeconds(92), deployed.receivedAt());
        Arrow drift = arrows.get(2);
        assertEquals(MessageType.EVENT, drift.type());
        assertEquals("infer", drift.senderNode());
        assertNull(drift.receiverNode(), "not received by anyone yet");
    }

    @Test
    void aNarrowWindowShowsOnlyWhatOverlapsItAndSaysWhenItWasCut() {
        IonTimeline early = IonTimeline.of(store, "inst-1", new TimeRange(T0.plusSeconds(95), T0.plusSeconds(200)), 1000);
        assertTrue(early.lane("train").orElseThrow().runs().isEmpty());
        assertEquals(List.of("msg-3"), early.arrows().stream().map(Arrow::messageId).toList());
        IonTimeline cut = IonTimeline.of(store, "inst-1", TimeRange.ALL, 2);
        assertTrue(cut.truncated(), "three messages, two asked for");
        assertFalse(IonTimeline.of(store, "inst-1", TimeRange.ALL, 3).truncated(), "exactly as many as asked for is not cut");
        IonTimeline one = IonTimeline.of(store, "inst-1", new TimeRange(T0, T0.plusSeconds(600)), 1);
        assertEquals(List.of("run-infer-1"), one.lane("infer").orElseThrow().runs().stream().map(IonTimeline.RunBar::runId).toList(),
                "the long-running inference run is not pushed out by another node's runs");
        assertThrows(IllegalArgumentException.class, () -> IonTimeline.of(store, "no-such-instance", TimeRange.ALL, 10));
    }
}
