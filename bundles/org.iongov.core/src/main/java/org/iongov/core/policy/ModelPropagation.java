package org.iongov.core.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunEndRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.model.AutomaticApproval;
import org.iongov.model.Channel;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.Node;
import org.iongov.model.Policy;
import org.iongov.model.PolicyNode;
import org.iongov.model.ThresholdCheck;
import org.iongov.model.json.IonJson;
import org.iongov.model.json.IonJsonException;

/**
 * Moves published models along an ION's channels. When a model message reaches a policy node,
 * the node's policy decides: an automatic approval approves; a threshold check compares the
 * statistic the producing run reported; a human approval parks the model until people decide.
 * An approved model is sent on along the policy node's outgoing model channels, a rejected one
 * stops there. Every step is recorded as the policy node's run, the receipt of the message, a
 * decision event and the forwarded messages, with ids derived from the message's, so that
 * handling the same message twice records nothing twice.
 */
public final class ModelPropagation {

    /** How deep chains of policy nodes may go (a guard against channels that loop). */
    private static final int MAX_STEPS = 16;

    private final GovernanceStore store;
    private final Clock clock;
    private final Map<String, Ion> ions = new ConcurrentHashMap<>();
    /** Which definition (name@version) each instance deploys; instances never change. */
    private final Map<String, String> definitionOfInstance = new ConcurrentHashMap<>();

    public ModelPropagation(GovernanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Handles the model messages of a batch just stored, and those its decisions send on.
     *
     * @return every record the propagation added
     */
    public List<MetadataRecord> afterIngest(List<MetadataRecord> batch) {
        List<MetadataRecord> added = new ArrayList<>();
        List<MessageRecord> pending = modelMessages(batch);
        for (int step = 0; step < MAX_STEPS && !pending.isEmpty(); step++) {
            List<MetadataRecord> records = new ArrayList<>();
            for (MessageRecord message : pending) {
                records.addAll(handle(message));
            }
            if (records.isEmpty()) {
                break;
            }
            store.ingest(new IngestBatch(records));
            added.addAll(records);
            pending = modelMessages(records);
        }
        return added;
    }

    private static List<MessageRecord> modelMessages(List<MetadataRecord> records) {
        List<MessageRecord> messages = new ArrayList<>();
        for (MetadataRecord record : records) {
            if (record instanceof MessageRecord m && m.messageType() == MessageRecord.MessageType.MODEL) {
                messages.add(m);
            }
        }
        return messages;
    }

    /** The records that decide one message, empty when it goes to a pipeline. */
    private List<MetadataRecord> handle(MessageRecord message) {
        Optional<Ion> ion = ionOf(message.instanceId());
        if (ion.isEmpty()) {
            return List.of();
        }
        Channel channel = ion.get().findChannel(message.channel());
        if (channel == null || !(channel.getTo() instanceof PolicyNode policyNode)) {
            return List.of();
        }
        PolicyDecision decision = decide(policyNode.getPolicy(), message);
        return decisionRecords(ion.get(), policyNode, message, decision);
    }

    /** What the policy decides on its own (human approvals wait for {@link #decideByPeople}). */
    PolicyDecision decide(Policy policy, MessageRecord message) {
        if (policy instanceof AutomaticApproval) {
            return new PolicyDecision(PolicyDecision.Outcome.APPROVED, "automatic approval");
        }
        if (policy instanceof ThresholdCheck threshold) {
            return threshold(threshold, message);
        }
        if (policy instanceof HumanApproval human) {
            return new PolicyDecision(PolicyDecision.Outcome.WAITING, "waiting for " + human.getApprovalsRequired()
                    + (human.getApprovalsRequired() == 1 ? " approval" : " approvals") + " by " + human.getApproverRole());
        }
        if (policy instanceof org.iongov.model.CustomPolicy custom) {
            return custom(custom, message);
        }
        return new PolicyDecision(PolicyDecision.Outcome.WAITING, "unknown policy: the model waits for a person to decide");
    }

    /** Runs installed custom policy code; what is not installed or fails leaves the model to people. */
    private PolicyDecision custom(org.iongov.model.CustomPolicy custom, MessageRecord message) {
        String entryPoint = custom.getCode() == null ? null : custom.getCode().getEntryPoint();
        if (entryPoint == null) {
            return new PolicyDecision(PolicyDecision.Outcome.WAITING,
                    "the custom policy names no entry point (code.entryPoint): the model waits for a person");
        }
        PolicyCode code = java.util.ServiceLoader.load(PolicyCode.class, PolicyCode.class.getClassLoader()).stream()
                .filter(p -> p.type().getName().equals(entryPoint)).map(java.util.ServiceLoader.Provider::get).findFirst().orElse(null);
        if (code == null) {
            return new PolicyDecision(PolicyDecision.Outcome.WAITING, "custom policy " + entryPoint
                    + " is not installed on this server: the model waits for a person");
        }
        Optional<ModelRecord> model = store.model(message.modelId());
        if (model.isEmpty()) {
            return new PolicyDecision(PolicyDecision.Outcome.REJECTED, "model '" + message.modelId() + "' is not recorded");
        }
        ModelRecord withoutBytes = new ModelRecord(model.get().id(), model.get().runId(), model.get().name(), model.get().format(),
                model.get().sha256(), model.get().size(), model.get().createdAt(), null, model.get().location(), model.get().metadataJson());
        try {
            PolicyDecision decision = code.decide(new PolicyCode.Context(message.instanceId(), policyNodeOf(message), withoutBytes,
                    store.run(model.get().runId()).orElse(null), store));
            return decision == null ? new PolicyDecision(PolicyDecision.Outcome.WAITING, entryPoint + " gave no decision") : decision;
        } catch (RuntimeException e) {
            return new PolicyDecision(PolicyDecision.Outcome.WAITING, "custom policy " + entryPoint + " failed (" + e
                    + "): the model waits for a person");
        }
    }

    private String policyNodeOf(MessageRecord message) {
        return ionOf(message.instanceId()).map(i -> i.findChannel(message.channel())).map(c -> c.getTo().getName()).orElse(null);
    }

    private PolicyDecision threshold(ThresholdCheck check, MessageRecord message) {
        Optional<ModelRecord> model = store.model(message.modelId());
        if (model.isEmpty()) {
            return new PolicyDecision(PolicyDecision.Outcome.REJECTED, "model '" + message.modelId() + "' is not recorded");
        }
        List<StatisticPoint> points = store.statistics(new StatisticQuery(check.getStatistic(), model.get().runId(), null, 10_000))
                .points();
        StatisticPoint last = points.isEmpty() ? null : points.get(points.size() - 1);
        if (last == null || Double.isNaN(last.value())) {
            return new PolicyDecision(PolicyDecision.Outcome.REJECTED, "the run that produced the model reported no '"
                    + check.getStatistic() + "' to check");
        }
        double value = last.value();
        boolean passes = switch (check.getComparison()) {
            case GREATER_THAN -> value > check.getValue();
            case GREATER_OR_EQUAL -> value >= check.getValue();
            case LESS_THAN -> value < check.getValue();
            case LESS_OR_EQUAL -> value <= check.getValue();
            case NOT_EQUAL -> value != check.getValue();
            default -> value == check.getValue();
        };
        String reason = String.format(Locale.ROOT, "%s %s %s %s", check.getStatistic(), format(value),
                passes ? check.getComparison().getLiteral() : "not " + check.getComparison().getLiteral(), format(check.getValue()));
        return new PolicyDecision(passes ? PolicyDecision.Outcome.APPROVED : PolicyDecision.Outcome.REJECTED, reason);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private List<MetadataRecord> decisionRecords(Ion ion, PolicyNode node, MessageRecord message, PolicyDecision decision) {
        Instant now = clock.instant();
        String base = "policy:" + message.id();
        String runId = base + ":run";
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new RunRecord(runId, message.instanceId(), node.getName(), RunRecord.NodeKind.POLICY, now, null, "iongov", null,
                "iongov-server", null, null, "{\"policy\":\"" + node.getPolicy().eClass().getName() + "\"}", null));
        records.add(new MessageReceivedRecord(base + ":received", message.id(), runId, now));
        String type = switch (decision.outcome()) {
            case APPROVED -> "approval";
            case REJECTED -> "rejection";
            case WAITING -> "approval-pending";
        };
        records.add(new EventRecord(base + ":decision", message.instanceId(), runId, now, type,
                decision.outcome() == PolicyDecision.Outcome.REJECTED ? EventRecord.Severity.WARNING : EventRecord.Severity.INFO,
                "model " + message.modelId() + " " + type.replace('-', ' ') + " at " + node.getName() + ": " + decision.reason(),
                "{\"modelId\":\"" + message.modelId() + "\",\"messageId\":\"" + message.id() + "\"}"));
        if (decision.outcome() == PolicyDecision.Outcome.APPROVED) {
            records.addAll(forward(node, message, runId, now, base));
        }
        if (decision.outcome() != PolicyDecision.Outcome.WAITING) {
            records.add(new RunEndRecord(base + ":end", runId, now,
                    decision.outcome() == PolicyDecision.Outcome.APPROVED ? RunStatus.SUCCEEDED : RunStatus.FAILED));
        }
        return records;
    }

    /** The approved model on each of the policy node's outgoing model channels. */
    private static List<MetadataRecord> forward(Node node, MessageRecord message, String runId, Instant now, String base) {
        List<MetadataRecord> messages = new ArrayList<>();
        for (Channel out : node.outgoingChannels()) {
            if (out.getMessage() == org.iongov.model.MessageType.MODEL) {
                messages.add(new MessageRecord(base + ":to:" + out.getName(), message.instanceId(), out.getName(),
                        MessageRecord.MessageType.MODEL, runId, null, now, null, message.modelId(), null));
            }
        }
        return messages;
    }

    /** What people decided about a waiting model, and where it stands now. */
    public record HumanDecision(String status, int approvals, int required, String reason) {
    }

    /**
     * A person approves or rejects a model waiting at a human-approval policy node. One
     * rejection stops the model; the policy's number of distinct approvers sends it on. A person
     * may not approve a model of a run they started when the policy asks for separation of
     * duties; approving twice counts once.
     *
     * @throws IllegalArgumentException when the message is not a model waiting for people, or
     *     the person may not decide it (the message says why)
     */
    public HumanDecision decideByPeople(String messageId, String actor, String role, boolean approve, String comment) {
        MessageRecord message = store.message(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message '" + messageId + "' is recorded"));
        Ion ion = ionOf(message.instanceId())
                .orElseThrow(() -> new IllegalArgumentException("message '" + messageId + "' belongs to no known ION instance"));
        Channel channel = ion.findChannel(message.channel());
        if (message.messageType() != MessageRecord.MessageType.MODEL || channel == null
                || !(channel.getTo() instanceof PolicyNode node) || node.getPolicy() instanceof AutomaticApproval
                || node.getPolicy() instanceof ThresholdCheck || !isWaiting(message)) {
            throw new IllegalArgumentException("message '" + messageId + "' is not a model waiting for people to decide");
        }
        String base = "policy:" + message.id();
        if (store.events(new org.iongov.core.query.RecordQuery(base + ":run", null, null, null, null, 100)).stream()
                .anyMatch(e -> e.id().equals(base + ":final"))) {
            throw new IllegalArgumentException("model " + message.modelId() + " at " + node.getName() + " was already decided");
        }
        int required = node.getPolicy() instanceof HumanApproval human ? Math.max(1, human.getApprovalsRequired()) : 1;
        boolean separation = node.getPolicy() instanceof HumanApproval human && human.isSeparationOfDuties();
        if (approve && separation) {
            String producer = store.model(message.modelId()).flatMap(m -> store.run(m.runId())).map(r -> r.start().startedBy())
                    .orElse(null);
            if (actor.equals(producer)) {
                throw new IllegalArgumentException(actor + " started the run that produced model " + message.modelId()
                        + " and may not approve it (the policy at " + node.getName() + " asks for separation of duties)");
            }
        }
        Instant now = clock.instant();
        String action = approve ? "approve" : "reject";
        store.ingest(new IngestBatch(List.of(new org.iongov.core.metadata.HumanActionRecord(base + ":" + action + ":" + actor, actor,
                role, action, "model", message.modelId(), node.getName(), now, comment))));
        long approvals = store.humanActions(new org.iongov.core.query.RecordQuery(null, null, "approve", message.modelId(), null, 1000))
                .stream().filter(h -> h.id().startsWith(base + ":approve:")).count();
        PolicyDecision decision;
        if (!approve) {
            decision = new PolicyDecision(PolicyDecision.Outcome.REJECTED, "rejected by " + actor + (comment == null ? "" : ": " + comment));
        } else if (approvals >= required) {
            decision = new PolicyDecision(PolicyDecision.Outcome.APPROVED, approvals + " of " + required + " approvals, last by " + actor);
        } else {
            return new HumanDecision("waiting", (int) approvals, required, approvals + " of " + required + " approvals");
        }
        List<MetadataRecord> records = new ArrayList<>();
        String runId = base + ":run";
        String type = decision.outcome() == PolicyDecision.Outcome.APPROVED ? "approval" : "rejection";
        records.add(new EventRecord(base + ":final", message.instanceId(), runId, now, type,
                decision.outcome() == PolicyDecision.Outcome.APPROVED ? EventRecord.Severity.INFO : EventRecord.Severity.WARNING,
                "model " + message.modelId() + " " + (approve ? "approved" : "rejected") + " at " + node.getName() + ": "
                        + decision.reason(),
                "{\"modelId\":\"" + message.modelId() + "\",\"messageId\":\"" + message.id() + "\"}"));
        if (approve) {
            records.addAll(forward(node, message, runId, now, base));
        }
        records.add(new RunEndRecord(base + ":end", runId, now, approve ? RunStatus.SUCCEEDED : RunStatus.FAILED));
        store.ingest(new IngestBatch(records));
        afterIngest(records);
        return new HumanDecision(approve ? "approved" : "rejected", (int) approvals, required, decision.reason());
    }

    /** Whether the message's policy step parked it for people (a custom policy may have decided it). */
    private boolean isWaiting(MessageRecord message) {
        String base = "policy:" + message.id();
        return store.events(new org.iongov.core.query.RecordQuery(base + ":run", null, "approval-pending", null, null, 10)).stream()
                .anyMatch(e -> e.id().equals(base + ":decision"));
    }

    /**
     * An operator puts an earlier model back into an inference node: a new message on one of the
     * node's incoming model channels, recorded as a rollback.
     *
     * @return the new message's id
     * @throws IllegalArgumentException when the model never reached that node
     */
    public String rollback(String instanceId, String nodeName, String modelId, String actor, String role, String comment) {
        Ion ion = ionOf(instanceId).orElseThrow(() -> new IllegalArgumentException("no ION instance '" + instanceId + "'"));
        Node node = ion.findNode(nodeName);
        if (node == null) {
            throw new IllegalArgumentException("ION " + ion.getName() + " has no node '" + nodeName + "'");
        }
        Channel channel = null;
        for (Channel in : node.incomingChannels()) {
            if (in.getMessage() == org.iongov.model.MessageType.MODEL && !store.messages(new org.iongov.core.query.RecordQuery(null,
                    instanceId, in.getName(), null, null, 10_000)).stream().filter(m -> modelId.equals(m.modelId())).toList().isEmpty()) {
                channel = in;
                break;
            }
        }
        if (channel == null) {
            throw new IllegalArgumentException("model " + modelId + " never reached " + nodeName + ": only a model it used before can be rolled back to");
        }
        Instant now = clock.instant();
        String base = "rollback:" + java.util.UUID.randomUUID();
        String runId = base + ":run";
        String messageId = base + ":message";
        store.ingest(new IngestBatch(List.of(
                new RunRecord(runId, instanceId, channel.getFrom().getName(), RunRecord.NodeKind.POLICY, now, null, "iongov", null,
                        "iongov-server", null, null, "{\"rollback\":true}", actor),
                new org.iongov.core.metadata.HumanActionRecord(base + ":action", actor, role, "rollback", "model", modelId,
                        channel.getFrom().getName(), now, comment),
                new MessageRecord(messageId, instanceId, channel.getName(), MessageRecord.MessageType.MODEL, runId, null, now, null,
                        modelId, null),
                new EventRecord(base + ":event", instanceId, runId, now, "rollback", EventRecord.Severity.WARNING,
                        actor + " rolled " + nodeName + " back to model " + modelId + (comment == null ? "" : ": " + comment), null),
                new RunEndRecord(base + ":end", runId, now, RunStatus.SUCCEEDED))));
        return messageId;
    }

    /**
     * The models delivered to a pipeline node (on its incoming model channels), oldest first
     * (by time sent, then id), after the given one when {@code after} is given.
     *
     * @param after the time the last message seen was sent, or null for all
     * @param afterId that message's id (messages sent in the same millisecond are told apart by it)
     */
    public List<MessageRecord> deliveries(String instanceId, String nodeName, Instant after, String afterId) {
        Ion ion = ionOf(instanceId).orElseThrow(() -> new IllegalArgumentException("no ION instance '" + instanceId + "'"));
        Node node = ion.findNode(nodeName);
        if (node == null) {
            throw new IllegalArgumentException("ION " + ion.getName() + " has no node '" + nodeName + "'");
        }
        List<MessageRecord> delivered = new ArrayList<>();
        for (Channel in : node.incomingChannels()) {
            if (in.getMessage() == org.iongov.model.MessageType.MODEL) {
                org.iongov.core.query.TimeRange range = new org.iongov.core.query.TimeRange(after, null);
                delivered.addAll(store.messages(new org.iongov.core.query.RecordQuery(null, instanceId, in.getName(), null, range, 1000)));
            }
        }
        if (after != null) {
            String seen = afterId == null ? "" : afterId;
            delivered.removeIf(m -> m.sentAt().equals(after) && m.id().compareTo(seen) <= 0);
        }
        delivered.sort(java.util.Comparator.comparing(MessageRecord::sentAt).thenComparing(MessageRecord::id));
        return delivered;
    }

    /**
     * A model waiting for people at a policy node.
     *
     * @param messageId the message to decide (what {@link #decideByPeople} takes)
     * @param modelId the model
     * @param instanceId the ION instance
     * @param policyNode the node it waits at
     * @param waitingSince when it arrived there
     * @param approvals approvals so far
     * @param required approvals needed
     */
    public record PendingApproval(String messageId, String modelId, String instanceId, String policyNode, Instant waitingSince,
            int approvals, int required) {
    }

    /** The models waiting for people, oldest first; in one instance, or in all when null. */
    public List<PendingApproval> pending(String instanceId) {
        List<PendingApproval> waiting = new ArrayList<>();
        List<EventRecord> parked = store.events(new org.iongov.core.query.RecordQuery(null, instanceId, "approval-pending", null, null,
                org.iongov.core.query.Limits.MAX_ROWS));
        for (EventRecord event : parked) {
            String base = event.id().substring(0, event.id().length() - ":decision".length());
            boolean decided = store.events(new org.iongov.core.query.RecordQuery(base + ":run", null, null, null, null, 100)).stream()
                    .anyMatch(e -> e.id().equals(base + ":final"));
            Optional<MessageRecord> message = store.message(base.substring("policy:".length()));
            if (decided || message.isEmpty()) {
                continue;
            }
            Optional<Ion> ion = ionOf(message.get().instanceId());
            Channel channel = ion.map(i -> i.findChannel(message.get().channel())).orElse(null);
            int required = channel != null && channel.getTo() instanceof PolicyNode node && node.getPolicy() instanceof HumanApproval human
                    ? Math.max(1, human.getApprovalsRequired()) : 1;
            long approvals = store.humanActions(new org.iongov.core.query.RecordQuery(null, null, "approve", message.get().modelId(), null,
                    1000)).stream().filter(h -> h.id().startsWith(base + ":approve:")).count();
            waiting.add(new PendingApproval(message.get().id(), message.get().modelId(), message.get().instanceId(),
                    channel == null ? "?" : channel.getTo().getName(), event.time(), (int) approvals, required));
        }
        waiting.sort(java.util.Comparator.comparing(PendingApproval::waitingSince));
        return waiting;
    }

    /** The parsed ION definition an instance deploys (cached: definitions never change). */
    Optional<Ion> ionOf(String instanceId) {
        String key = definitionOfInstance.get(instanceId);
        if (key == null) {
            // Read the instances once per unknown instance, not once per message.
            for (IonInstanceRecord instance : store.instances()) {
                definitionOfInstance.putIfAbsent(instance.id(), instance.ionName() + "@" + instance.ionVersion());
            }
            key = definitionOfInstance.get(instanceId);
            if (key == null) {
                return Optional.empty();
            }
        }
        Ion cached = ions.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        int at = key.lastIndexOf('@');
        Optional<IonDefinitionRecord> definition = store.ionDefinition(key.substring(0, at), Integer.parseInt(key.substring(at + 1)));
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        try {
            Ion ion = IonJson.parse(definition.get().definitionJson());
            ions.put(key, ion);
            return Optional.of(ion);
        } catch (IonJsonException e) {
            // Definitions are validated at upload; one that is not an ION has no channels to follow.
            return Optional.empty();
        }
    }
}
