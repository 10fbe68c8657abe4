package org.iongov.core.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MessageRecord.MessageType;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An ION instance over a time window, as the paper's Figure 3 draws it: one lane per ION node with
 * its runs as bars, and the messages between runs (a model sent by training, forwarded by a
 * policy, received by inference) as arrows from lane to lane.
 *
 * @param instance the ION instance
 * @param window the time shown
 * @param lanes one per node: the definition's nodes in its order, then any other node that ran
 * @param arrows the messages sent in the window, oldest first
 * @param truncated whether runs or messages were left out because there were more than asked for
 */
public record IonTimeline(IonInstanceRecord instance, TimeRange window, List<Lane> lanes, List<Arrow> arrows, boolean truncated) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public IonTimeline {
        lanes = List.copyOf(lanes);
        arrows = List.copyOf(arrows);
    }

    /**
     * A node's lane.
     *
     * @param node the node's name in the ION
     * @param role what the definition says it is (training, inference, control, a policy kind), or null
     * @param runs its runs that overlap the window, oldest first
     */
    public record Lane(String node, String role, List<RunBar> runs) {
        public Lane {
            runs = List.copyOf(runs);
        }
    }

    /**
     * A run drawn as a bar.
     *
     * @param runId the run
     * @param start when it started
     * @param end when it ended, null while it runs
     * @param status how it ended, or running
     */
    public record RunBar(String runId, Instant start, Instant end, RunStatus status) {
    }

    /**
     * A message drawn as an arrow from its sender's lane to its receiver's.
     *
     * @param messageId the message
     * @param channel the ION channel it went on
     * @param type what it carries
     * @param modelId the model it carries, for model messages
     * @param senderRunId the sending run
     * @param senderNode the sending run's node
     * @param sentAt when it was sent
     * @param receiverRunId the receiving run, null while not received
     * @param receiverNode the receiving run's node, null while not received
     * @param receivedAt when it was received, null while not received
     */
    public record Arrow(String messageId, String channel, MessageType type, String modelId, String senderRunId, String senderNode,
            Instant sentAt, String receiverRunId, String receiverNode, Instant receivedAt) {
    }

    /**
     * The timeline of an instance over a window.
     *
     * @param maxItems at most this many runs per node and this many messages are read
     * @throws IllegalArgumentException when there is no such instance
     */
    public static IonTimeline of(GovernanceStore store, String instanceId, TimeRange window, int maxItems) {
        IonInstanceRecord instance = store.instances().stream().filter(i -> i.id().equals(instanceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ION instance '" + instanceId + "'"));
        Map<String, Lane> lanes = new LinkedHashMap<>();
        definedNodes(store, instance).forEach((node, role) -> lanes.put(node, new Lane(node, role, List.of())));

        // Runs that started before the window's end and had not ended before its start, node by node
        // (so that one busy node does not push another's long-running run out of the limit).
        int ask = Math.min(maxItems + 1, org.iongov.core.query.Limits.MAX_ROWS); // one more, to know when there were more
        boolean truncated = false;
        List<NodeRun> started = new ArrayList<>();
        java.util.Set<String> nodes = new java.util.LinkedHashSet<>(lanes.keySet());
        if (nodes.isEmpty()) {
            nodes.add(null); // no definition: every node at once
        }
        for (String node : nodes) {
            List<NodeRun> runs = store.runs(new RunQuery(instanceId, node, new TimeRange(null, window.to()), ask));
            truncated |= runs.size() > maxItems;
            started.addAll(runs.subList(0, Math.min(runs.size(), maxItems)));
        }
        Map<String, List<RunBar>> bars = new LinkedHashMap<>();
        Map<String, String> nodeOfRun = new HashMap<>();
        for (NodeRun run : started) {
            nodeOfRun.put(run.start().id(), run.start().node());
            if (window.from() != null && run.endedAt() != null && run.endedAt().isBefore(window.from())) {
                continue;
            }
            bars.computeIfAbsent(run.start().node(), n -> new ArrayList<>())
                    .add(new RunBar(run.start().id(), run.start().startedAt(), run.endedAt(), run.status()));
        }
        bars.forEach((node, runs) -> {
            List<RunBar> oldestFirst = new ArrayList<>(runs);
            oldestFirst.sort(java.util.Comparator.comparing(RunBar::start).thenComparing(RunBar::runId));
            Lane defined = lanes.get(node);
            lanes.put(node, new Lane(node, defined == null ? null : defined.role(), oldestFirst));
        });

        List<MessageRecord> messages = store.messages(new RecordQuery(null, instanceId, null, null, window, ask));
        truncated |= messages.size() > maxItems;
        messages = messages.subList(0, Math.min(messages.size(), maxItems));
        List<Arrow> arrows = new ArrayList<>(messages.size());
        for (MessageRecord m : messages) {
            arrows.add(new Arrow(m.id(), m.channel(), m.messageType(), m.modelId(), m.senderRunId(), node(store, nodeOfRun, m.senderRunId()),
                    m.sentAt(), m.receiverRunId(), m.receiverRunId() == null ? null : node(store, nodeOfRun, m.receiverRunId()),
                    m.receivedAt()));
        }
        return new IonTimeline(instance, window, new ArrayList<>(lanes.values()), arrows, truncated);
    }

    /** The lane of the given node, if the timeline has one. */
    public Optional<Lane> lane(String node) {
        return lanes.stream().filter(l -> l.node().equals(node)).findFirst();
    }

    private static String node(GovernanceStore store, Map<String, String> nodeOfRun, String runId) {
        if (!nodeOfRun.containsKey(runId)) { // (an unknown run is remembered as null too)
            nodeOfRun.put(runId, store.run(runId).map(r -> r.start().node()).orElse(null));
        }
        return nodeOfRun.get(runId);
    }

    /** The definition's nodes in its order, with their role (a pipeline's role, or a policy's kind). */
    private static Map<String, String> definedNodes(GovernanceStore store, IonInstanceRecord instance) {
        Map<String, String> nodes = new LinkedHashMap<>();
        store.ionDefinition(instance.ionName(), instance.ionVersion()).ifPresent(definition -> {
            try {
                for (JsonNode node : JSON.readTree(definition.definitionJson()).path("nodes")) {
                    String name = node.path("name").asText(null);
                    if (name != null) {
                        String role = node.hasNonNull("role") ? node.get("role").asText()
                                : node.hasNonNull("kind") ? node.get("kind").asText() : node.path("type").asText(null);
                        nodes.put(name, role);
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // A stored definition was checked when it was added; without it the lanes come from the runs alone.
            }
        });
        return nodes;
    }
}
