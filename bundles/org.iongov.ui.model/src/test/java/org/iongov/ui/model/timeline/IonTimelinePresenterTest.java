package org.iongov.ui.model.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.iongov.core.metadata.MessageRecord.MessageType;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.timeline.IonTimeline;
import org.iongov.core.timeline.IonTimeline.Arrow;
import org.iongov.core.timeline.IonTimeline.Lane;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.iongov.ui.model.timeline.IonTimelinePresenter.ArrowLine;
import org.iongov.ui.model.timeline.IonTimelinePresenter.BarBox;
import org.iongov.ui.model.timeline.IonTimelinePresenter.Hit;
import org.iongov.ui.model.timeline.IonTimelinePresenter.Layout;
import org.iongov.ui.model.timeline.IonTimelinePresenter.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ION timeline's time mapping, lane layout and hit testing, over a real store filled through ingest and the model propagation. */
class IonTimelinePresenterTest {

    @TempDir
    static Path temp;

    private static GovernanceStore store;
    private static ApprovalScenario clinic;
    private static Candidate waiting;
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @BeforeAll
    static void record() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        String ion = Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json"));
        clinic = ApprovalScenario.record(store, ion, "t1", T0);
        waiting = clinic.candidate("t1-2", "dana", T0.plusSeconds(600), "beef" + "00".repeat(30), Map.of("auc", 0.9));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    // ---- time axis ----

    @Test
    void timeMapsToPixelsAndBack() {
        TimeAxis axis = TimeAxis.of(T0, T0.plusSeconds(100), 50, 1000);
        assertEquals(50, axis.x(T0), 1e-9);
        assertEquals(1050, axis.x(T0.plusSeconds(100)), 1e-9);
        assertEquals(550, axis.x(T0.plusSeconds(50)), 1e-9);
        assertEquals(T0.plusSeconds(25), axis.time(300));
        assertEquals(100, axis.millisPerPixel(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> TimeAxis.of(T0, T0, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> TimeAxis.of(T0, T0.plusSeconds(1), 0, 0));
    }

    @Test
    void zoomingKeepsTheTimeUnderThePointerAndPanningMovesByPixels() {
        TimeAxis axis = TimeAxis.of(T0, T0.plusSeconds(100), 50, 1000);
        TimeAxis in = axis.zoom(4, 300);
        assertEquals(T0.plusSeconds(25), in.time(300), "the time under the pointer stays");
        assertEquals(25_000, in.toMillis() - in.fromMillis(), 1e-6);
        TimeAxis out = in.zoom(0.25, 300);
        assertEquals(axis.fromMillis(), out.fromMillis(), 1e-6);
        assertEquals(axis.toMillis(), out.toMillis(), 1e-6);
        assertEquals(TimeAxis.MIN_SPAN_MILLIS, axis.zoom(1e9, 500).toMillis() - axis.zoom(1e9, 500).fromMillis(), 1e-6);
        TimeAxis dragged = axis.pan(100);
        assertEquals(T0.minusSeconds(10), dragged.time(50), "dragging right by 100 px shows 10 s earlier");
        assertEquals(axis.x(T0) + 100, dragged.x(T0), 1e-9);
    }

    @Test
    void ticksAreRoundTimesAtLeastTheAskedPixelsApart() {
        TimeAxis axis = TimeAxis.of(Instant.parse("2026-11-20T08:00:07Z"), Instant.parse("2026-11-20T08:10:07Z"), 0, 1000);
        List<TimeAxis.Tick> ticks = axis.ticks(80, ZoneOffset.UTC);
        // 600 s over 1000 px: 60 s is 100 px, the smallest step of at least 80 px.
        assertEquals("08:01", ticks.get(0).label());
        assertEquals(Instant.parse("2026-11-20T08:01:00Z"), ticks.get(0).time());
        assertEquals(10, ticks.size());
        for (int i = 1; i < ticks.size(); i++) {
            assertEquals(100, ticks.get(i).x() - ticks.get(i - 1).x(), 1e-6);
        }
        TimeAxis week = TimeAxis.of(T0, T0.plusSeconds(7 * 86_400), 0, 700);
        assertEquals("11-21 00:00", week.ticks(80, ZoneOffset.UTC).get(0).label(), "a day's step shows dates");
    }

    // ---- layout and hit testing over a store ----

    @Test
    void lanesFollowTheDefinitionAndEveryRunAndMessageIsDrawn() {
        IonTimelinePresenter presenter = new IonTimelinePresenter(store);
        IonTimeline timeline = presenter.load(clinic.instance());
        IonTimeline api = IonTimeline.of(store, clinic.instance(), TimeRange.ALL, 10_000);
        assertEquals(api.lanes().stream().map(Lane::node).toList(), timeline.lanes().stream().map(Lane::node).toList());
        assertEquals(List.of(ApprovalScenario.TRAINING_NODE, ApprovalScenario.POLICY_NODE, ApprovalScenario.INFERENCE_NODE),
                timeline.lanes().stream().map(Lane::node).toList(), "definition order");

        Instant now = T0.plusSeconds(3600);
        TimeRange extent = IonTimelinePresenter.extent(timeline, now);
        assertTrue(extent.from().isBefore(T0) && !extent.to().isBefore(now), extent.toString());
        TimeAxis axis = TimeAxis.of(extent.from(), extent.to(), Metrics.DEFAULT.labelWidth(), 1000);
        Layout layout = IonTimelinePresenter.layout(timeline, axis, Metrics.DEFAULT, now);

        assertEquals(3, layout.lanes().size());
        assertEquals(Metrics.DEFAULT.axisHeight() + 3 * Metrics.DEFAULT.laneHeight(), layout.height());
        assertEquals(timeline.lanes().stream().mapToInt(l -> l.runs().size()).sum(), layout.bars().size());
        assertEquals(timeline.arrows().size(), layout.arrows().size());

        // The approved model's delivery: from the policy lane when sent to the inference lane when received.
        ArrowLine delivery = layout.arrows().stream().filter(a -> a.arrow().type() == MessageType.MODEL
                && clinic.productionModel().equals(a.arrow().modelId()) && ApprovalScenario.INFERENCE_NODE.equals(a.arrow().receiverNode()))
                .findFirst().orElseThrow();
        Arrow sent = delivery.arrow();
        assertTrue(delivery.received());
        assertEquals(axis.x(sent.sentAt()), delivery.x1(), 1e-9);
        assertEquals(layout.lane(ApprovalScenario.POLICY_NODE).orElseThrow().centerY(), delivery.y1(), 1e-9);
        assertEquals(axis.x(sent.receivedAt()), delivery.x2(), 1e-9);
        assertEquals(layout.lane(ApprovalScenario.INFERENCE_NODE).orElseThrow().centerY(), delivery.y2(), 1e-9);

        // The waiting candidate was sent to the policy node; the inference run still runs, up to now.
        BarBox inference = layout.bars().stream().filter(b -> b.run().runId().equals(clinic.inferenceRun())).findFirst().orElseThrow();
        assertEquals(axis.x(now), inference.x() + inference.width(), 1e-9);
        assertTrue(layout.arrows().stream().anyMatch(a -> waiting.model().equals(a.arrow().modelId())));
    }

    @Test
    void clickingAnArrowTracesItsModelAndClickingABarItsRun() {
        IonTimeline timeline = new IonTimelinePresenter(store).load(clinic.instance());
        Instant now = T0.plusSeconds(3600);
        TimeRange extent = IonTimelinePresenter.extent(timeline, now);
        Layout layout = IonTimelinePresenter.layout(timeline, TimeAxis.of(extent.from(), extent.to(), 180, 4000), Metrics.DEFAULT, now);

        ArrowLine delivery = layout.arrows().stream().filter(a -> a.received() && clinic.productionModel().equals(a.arrow().modelId())
                && ApprovalScenario.INFERENCE_NODE.equals(a.arrow().receiverNode())).findFirst().orElseThrow();
        Hit onArrow = layout.hit((delivery.x1() + delivery.x2()) / 2 + 1, (delivery.y1() + delivery.y2()) / 2).orElseThrow();
        assertEquals(clinic.productionModel(), onArrow.traceId());
        assertTrue(onArrow.describe().startsWith("model " + clinic.productionModel() + " on approved-model"), onArrow.describe());

        BarBox inference = layout.bars().stream().filter(b -> b.run().runId().equals(clinic.inferenceRun())).findFirst().orElseThrow();
        Hit onBar = layout.hit(inference.x() + inference.width() - 5, inference.y() + inference.height() / 2).orElseThrow();
        assertEquals(clinic.inferenceRun(), onBar.traceId());
        assertTrue(onBar.describe().contains("still running"), onBar.describe());

        assertFalse(layout.hit(5, 5).isPresent(), "nothing on the axis' corner");
    }
}
