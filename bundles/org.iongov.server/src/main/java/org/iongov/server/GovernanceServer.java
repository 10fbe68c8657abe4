package org.iongov.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iongov.core.access.AccessToken;
import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Permission;
import org.iongov.core.access.Role;
import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.ComplianceReport;
import org.iongov.core.compliance.ComplianceScope;
import org.iongov.core.compliance.Violation;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.InvalidRecordsException;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.core.store.RetentionPolicy;
import org.iongov.core.store.StoreException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The governance store over HTTP: {@code /api/v1/...}, JSON bodies, a bearer token on every
 * request. See docs/api.md. The server does not own the store: closing the server leaves the
 * store open for its owner to close.
 */
public final class GovernanceServer implements AutoCloseable {

    /** Control pipelines whose score is within this of a prediction's agree with it. */
    private static final double AGREEMENT = 0.15;

    /** Handles one matched route. */
    @FunctionalInterface
    private interface Handler {
        Response handle(Request request) throws IOException;
    }

    private record Route(String method, Pattern path, Permission permission, Handler handler) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final System.Logger LOG = System.getLogger(GovernanceServer.class.getName());

    private final GovernanceStore store;
    private final ModelPropagation propagation;
    private final Lineage lineage;
    private final IonDefinitionCheck ionCheck;
    private final ServerOptions options;
    private final Clock clock;
    private final AgentRegistry agents = new AgentRegistry();
    private final Reproductions reproductions;
    private final Instant started;
    private final List<Route> routes = new ArrayList<>();
    private final HttpServer http;
    private final ExecutorService executor;
    private final ComplianceCheck compliance;
    /** Runs the compliance policies every interval; null when they run only on request. */
    private final java.util.concurrent.ScheduledExecutorService complianceSchedule;
    /** One compliance check at a time: they record the same violations. */
    private final Object complianceLock = new Object();
    /**
     * The latest report, when the periodic check last started and why it failed, replaced as one
     * value so a reader never sees an attempt without its outcome.
     */
    private final java.util.concurrent.atomic.AtomicReference<ComplianceStatus> complianceStatus =
            new java.util.concurrent.atomic.AtomicReference<>(new ComplianceStatus(null, null, null));

    /** {@code report} may be from a check run on request; {@code lastError} is the periodic check's (null when it ran). */
    private record ComplianceStatus(ComplianceReport report, Instant lastAttempt, String lastError) {
    }
    /**
     * Where the metadata not yet checked by a periodic check whose every policy ran begins (the
     * end of the last such window; at first one interval back); the next window starts a lookback
     * before it.
     */
    private Instant uncheckedSince;

    /**
     * How far before the last periodic check's end the next one starts: agents spool records and
     * send them late, so a record's time can fall in a window already checked. Recording is
     * idempotent, so the overlap records nothing twice.
     */
    static final Duration COMPLIANCE_LOOKBACK = Duration.ofHours(24);
    /** The longest window a check on request may cover: it holds the check's lock on an HTTP thread. */
    static final Duration MAX_REQUESTED_WINDOW = Duration.ofDays(400);

    private GovernanceServer(GovernanceStore store, IonDefinitionCheck ionCheck, ServerOptions options, Clock clock)
            throws IOException {
        this.store = store;
        this.propagation = new ModelPropagation(store, clock);
        this.lineage = new Lineage(store, AGREEMENT);
        this.ionCheck = ionCheck;
        this.options = options;
        this.clock = clock;
        this.reproductions = new Reproductions(store, options.reproducer(), clock);
        this.started = clock.instant();
        this.compliance = new ComplianceCheck(options.compliancePolicies(), clock);
        defineRoutes();
        // Without TCP_NODELAY, small replies wait for delayed ACKs (~40 ms each on Linux loopback).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        http = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 128);
        executor = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "iongov-http");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(executor);
        http.createContext("/", this::serve);
        http.start();
        long every = options.complianceInterval().toMillis();
        if (every > 0) {
            complianceSchedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "iongov-compliance");
                thread.setDaemon(true);
                return thread;
            });
            complianceSchedule.scheduleWithFixedDelay(this::scheduledComplianceCheck, every, every, TimeUnit.MILLISECONDS);
        } else {
            complianceSchedule = null;
        }
    }

    /**
     * Starts serving the store.
     *
     * @throws IOException when the port cannot be bound (e.g. in use)
     */
    public static GovernanceServer start(GovernanceStore store, IonDefinitionCheck ionCheck, ServerOptions options)
            throws IOException {
        return new GovernanceServer(store, ionCheck, options, Clock.systemUTC());
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8470}. */
    public URI uri() {
        InetSocketAddress address = http.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    @Override
    public void close() {
        try {
            reproductions.close(); // a replay in progress is stopped: its engine process ends with it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Long-polling deliveries would hold the shutdown for their whole wait: wake them.
        synchronized (modelMessages) {
            closing = true;
            modelMessages.notifyAll();
        }
        if (complianceSchedule != null) {
            // A check in progress finishes before the owner closes the store under it.
            complianceSchedule.shutdown();
            try {
                if (!complianceSchedule.awaitTermination(60, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "the compliance check did not finish within 60 s of shutdown; interrupting it");
                    complianceSchedule.shutdownNow();
                    complianceSchedule.awaitTermination(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                complianceSchedule.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        http.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- routes ----

    private void route(String method, String path, Permission permission, Handler handler) {
        // {id} segments match one path segment, URL-encoded as sent.
        routes.add(new Route(method, Pattern.compile("^" + path.replace("{id}", "([^/]+)") + "$"), permission, handler));
    }

    private void defineRoutes() {
        route("GET", "/api/v1/health", Permission.READ, r -> Response.ok(health()));
        route("GET", "/api/v1/ions", Permission.READ, r -> Response.ok(ionList()));
        route("POST", "/api/v1/ions", Permission.UPLOAD_ION, this::uploadIon);
        route("GET", "/api/v1/ions/{id}", Permission.READ, this::ionDefinition);
        route("POST", "/api/v1/ingest", Permission.INGEST, this::ingest);
        route("GET", "/api/v1/instances", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.instances())));
        route("GET", "/api/v1/runs", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(
                store.runs(new RunQuery(r.param("instance"), r.param("node"), r.range(), limit(r))))));
        route("GET", "/api/v1/runs/{id}", Permission.READ, r -> one(store.run(r.pathParam(0)), "run", r.pathParam(0)));
        route("GET", "/api/v1/statistics", Permission.READ, this::statistics);
        route("GET", "/api/v1/statistics/names", Permission.READ,
                r -> Response.ok(MetadataJson.valueToJson(store.statisticNames(r.param("run")))));
        route("GET", "/api/v1/statistics/latest", Permission.READ,
                r -> Response.ok(MetadataJson.valueToJson(store.latestStatistics(required(r, "run")))));
        route("GET", "/api/v1/models", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.models(query(r)))));
        route("GET", "/api/v1/models/{id}", Permission.READ, r -> one(store.model(r.pathParam(0))
                .map(m -> new org.iongov.core.metadata.ModelRecord(m.id(), m.runId(), m.name(), m.format(), m.sha256(), m.size(),
                        m.createdAt(), null, m.location(), m.metadataJson())), "model", r.pathParam(0)));
        route("GET", "/api/v1/models/{id}/bytes", Permission.READ, this::modelBytes);
        route("GET", "/api/v1/datasets", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.datasets(query(r)))));
        route("GET", "/api/v1/predictions", Permission.READ,
                r -> Response.ok(MetadataJson.valueToJson(store.predictions(query(r)))));
        route("GET", "/api/v1/predictions/{id}", Permission.READ,
                r -> one(store.prediction(r.pathParam(0)), "prediction", r.pathParam(0)));
        route("GET", "/api/v1/predictions/{id}/lineage", Permission.READ, r -> one(lineage.ofPrediction(r.pathParam(0)), "prediction",
                r.pathParam(0)));
        route("GET", "/api/v1/datasets/{id}/impact", Permission.READ, r -> one(lineage.impactOfDataset(r.pathParam(0)), "dataset",
                r.pathParam(0)));
        route("GET", "/api/v1/instances/{id}/production", Permission.READ, r -> {
            Instant at = r.timeParam("at");
            try {
                return Response.ok(MetadataJson.valueToJson(lineage.inProduction(r.pathParam(0), at == null ? clock.instant() : at)));
            } catch (IllegalArgumentException e) {
                throw new ApiException(404, e.getMessage());
            }
        });
        route("GET", "/api/v1/models/{id}/lineage", Permission.READ, r -> one(lineage.ofModel(r.pathParam(0), null), "model",
                r.pathParam(0)));
        route("GET", "/api/v1/events", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.events(query(r)))));
        route("GET", "/api/v1/search-results", Permission.READ,
                r -> Response.ok(MetadataJson.valueToJson(store.searchResults(query(r)))));
        route("GET", "/api/v1/signatures", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.signatures(query(r)))));
        route("GET", "/api/v1/structured-statistics", Permission.READ,
                r -> Response.ok(MetadataJson.valueToJson(store.structuredStatistics(query(r)))));
        route("GET", "/api/v1/logs", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.logs(query(r)))));
        route("GET", "/api/v1/dataset-uses", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.datasetUses(query(r)))));
        route("GET", "/api/v1/message-receipts", Permission.READ,
                r -> Response.ok(MetadataJson.valueToJson(store.messageReceipts(query(r)))));
        route("GET", "/api/v1/messages", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.messages(
                new RecordQuery(r.param("run"), r.param("instance"), r.param("channel"), r.param("model"), r.range(), limit(r))))));
        route("GET", "/api/v1/messages/{id}", Permission.READ, r -> one(store.message(r.pathParam(0)), "message", r.pathParam(0)));
        route("GET", "/api/v1/approvals", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.humanActions(
                new RecordQuery(null, null, r.param("action"), r.param("subject"), r.range(), limit(r))))));
        route("POST", "/api/v1/approvals", Permission.DECIDE, this::decide);
        route("GET", "/api/v1/approvals/pending", Permission.READ,
                r -> Response.ok(MetadataJson.valueToJson(propagation.pending(r.param("instance")))));
        route("POST", "/api/v1/rollbacks", Permission.DECIDE, this::rollback);
        route("GET", "/api/v1/deliveries", Permission.READ, this::deliveries);
        route("GET", "/api/v1/tokens", Permission.ADMINISTER, r -> Response.ok(MetadataJson.valueToJson(store.tokens())));
        route("POST", "/api/v1/tokens", Permission.ADMINISTER, this::createToken);
        route("DELETE", "/api/v1/tokens/{id}", Permission.ADMINISTER, this::revokeToken);
        route("POST", "/api/v1/retention", Permission.ADMINISTER, this::retention);
        route("GET", "/api/v1/ledger", Permission.READ,
                r -> Response.ok(MetadataJson.valueToJson(store.ledger(longParam(r, "from", 1), limit(r)))));
        route("GET", "/api/v1/ledger/head", Permission.READ, r -> Response.ok(MetadataJson.valueToJson(store.ledgerHead())));
        route("GET", "/api/v1/ledger/verify", Permission.READ, this::verifyLedger);
        route("POST", "/api/v1/agents/heartbeat", Permission.INGEST, r -> {
            agents.heartbeat(r.json(), r.caller().user(), clock.instant());
            return Response.ok(MetadataJson.MAPPER.createObjectNode().put("received", true));
        });
        route("GET", "/api/v1/agents", Permission.READ, r -> Response.ok(agents.list(clock.instant())));
        route("POST", "/api/v1/reproductions", Permission.EXPORT, this::startReproduction);
        route("GET", "/api/v1/reproductions/{id}", Permission.READ, r -> Response.ok(reproductions.describe(r.pathParam(0))));
        route("GET", "/api/v1/compliance", Permission.READ, this::latestCompliance);
        route("POST", "/api/v1/compliance/check", Permission.EXPORT, this::checkCompliance);
        // Decide or export: checked in the handler, since a route names one permission.
        route("POST", "/api/v1/datasets/{id}/personal-data", Permission.READ, this::flagPersonalData);
    }

    // ---- compliance ----

    /**
     * The periodic check: the metadata of the window from a lookback before the end of the last
     * check whose every policy ran (the first covers one interval back) to now. Any failure,
     * {@link Error}s included, is logged and kept for {@code GET /api/v1/compliance}: an exception
     * escaping would cancel the schedule silently.
     */
    private void scheduledComplianceCheck() {
        Instant now = clock.instant();
        ComplianceReport report = null;
        String error;
        try {
            synchronized (complianceLock) {
                if (uncheckedSince == null) {
                    uncheckedSince = now.minus(options.complianceInterval());
                }
                Instant from = uncheckedSince.minus(COMPLIANCE_LOOKBACK);
                ComplianceCheck.Outcome outcome = compliance.runAndRecord(store, new TimeRange(from, now));
                List<String> errors = outcome.report().results().stream().filter(r -> r.error() != null)
                        .map(r -> r.policyId() + ": " + r.error()).toList();
                if (errors.isEmpty()) {
                    uncheckedSince = now;
                    error = null;
                } else {
                    // Not advanced: the next check covers this window again.
                    error = "policies could not run: " + String.join("; ", errors);
                }
                report = outcome.report();
                if (outcome.recorded() > 0) {
                    LOG.log(System.Logger.Level.WARNING, "compliance check recorded " + outcome.recorded() + " new violation(s): "
                            + outcome.report().violations().stream().map(v -> v.message()).toList());
                }
            }
        } catch (Throwable e) {
            error = e.toString();
            LOG.log(System.Logger.Level.ERROR, "the periodic compliance check failed; it runs again in "
                    + options.complianceInterval(), e);
        }
        ComplianceReport checked = report;
        String failure = error;
        // A failed check keeps the last report: it is still the latest that ran.
        complianceStatus.updateAndGet(old -> new ComplianceStatus(checked == null ? old.report() : checked, now, failure));
    }

    /** {@code {report, lastAttempt, lastError, interval}}: the latest report beside how the schedule fares. */
    /**
     * Starts a reproduction: body {@code {"prediction": ID}} or {@code {"model": ID}}, optionally
     * {@code "set": {name: value}} and {@code "datasets": {recorded: newPath}}; 202 with its id.
     */
    private Response startReproduction(Request r) throws IOException {
        JsonNode body = r.json();
        String prediction = body.path("prediction").isTextual() ? body.get("prediction").asText() : null;
        String model = body.path("model").isTextual() ? body.get("model").asText() : null;
        if ((prediction == null) == (model == null)) {
            throw new ApiException(400, "a reproduction needs one of \"prediction\" or \"model\" (an id)");
        }
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> datasets = new java.util.LinkedHashMap<>();
        for (String field : java.util.List.of("set", "datasets")) {
            JsonNode map = body.path(field);
            if (map.isMissingNode() || map.isNull()) {
                continue;
            }
            if (!map.isObject()) {
                throw new ApiException(400, "\"" + field + "\" must be an object of names to values");
            }
            map.fields().forEachRemaining(e -> (field.equals("set") ? parameters : datasets).put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        String id = reproductions.start(new org.iongov.core.reproduce.ReproductionRequest(prediction, model, parameters, datasets),
                r.caller().user());
        return new Response(202, JSON.objectNode().put("id", id).put("status", "waiting").put("location", "/api/v1/reproductions/" + id),
                null);
    }

    private Response latestCompliance(Request r) {
        ComplianceStatus status = complianceStatus.get();
        ComplianceReport latest = status.report();
        Instant attempt = status.lastAttempt();
        if (latest == null && attempt == null) {
            throw new ApiException(404, "no compliance check has run yet: " + (complianceSchedule == null
                    ? "this server checks only on request" : "this server checks every " + options.complianceInterval())
                    + "; POST /api/v1/compliance/check runs one now");
        }
        ObjectNode reply = JSON.objectNode();
        reply.set("report", latest == null ? JSON.nullNode() : MetadataJson.valueToJson(latest));
        reply.put("lastAttempt", attempt == null ? null : attempt.toString());
        reply.put("lastError", status.lastError());
        reply.put("interval", complianceSchedule == null ? null : options.complianceInterval().toString());
        return Response.ok(reply);
    }

    /**
     * Runs the server's policies (or those in the body, a policy configuration) over ?from&to, and
     * records their violations; a configuration from the body records under
     * {@code compliance:adhoc:} and does not become the latest report. Without {@code from} the
     * window starts {@link #MAX_REQUESTED_WINDOW} before its end; a longer window is refused.
     */
    private Response checkCompliance(Request r) throws IOException {
        TimeRange asked = r.range();
        Instant to = asked.to() == null ? clock.instant() : asked.to();
        Instant from = asked.from() == null ? to.minus(MAX_REQUESTED_WINDOW) : asked.from();
        if (Duration.between(from, to).compareTo(MAX_REQUESTED_WINDOW) > 0) {
            throw new ApiException(400, "the window from " + from + " to " + to + " is longer than "
                    + MAX_REQUESTED_WINDOW.toDays() + " days: check it in parts (or run ./iongov audit check on the store)");
        }
        TimeRange window = new TimeRange(from, asked.to());
        boolean own = r.body().length == 0;
        ComplianceCheck check = compliance;
        if (!own) {
            try {
                check = ComplianceCheck.adHoc(CompliancePolicies.parse(r.json(), "the request body"), clock);
            } catch (CompliancePolicies.InvalidConfigException e) {
                throw new ApiException(400, e.getMessage(), e.problems());
            }
        }
        synchronized (complianceLock) {
            ComplianceCheck.Outcome outcome = check.runAndRecord(store, window);
            if (own) {
                complianceStatus.updateAndGet(old -> new ComplianceStatus(outcome.report(), old.lastAttempt(), old.lastError()));
            }
            return Response.ok(MetadataJson.valueToJson(outcome));
        }
    }

    /**
     * A person flags a dataset as holding personal data, or withdraws the flag: recorded as their
     * human action ({@code flag-personal-data} or {@code clear-personal-data}), in the role of
     * their token. Operators and auditors (and admins) may; agents may not.
     */
    private Response flagPersonalData(Request r) throws IOException {
        Role role = r.caller().role();
        if (!role.may(Permission.DECIDE) && !role.may(Permission.EXPORT)) {
            throw new ApiException(403, "role " + role.wireName() + " may not flag datasets: an operator, auditor or admin may");
        }
        String datasetId = r.pathParam(0);
        JsonNode body = r.json();
        JsonNode flagged = body.get("flagged");
        if (flagged == null || !flagged.isBoolean()) {
            throw new ApiException(400, "flagged: is required, true (holds personal data) or false (withdraw the flag);"
                    + " body {\"flagged\": true|false, \"comment\": ...}");
        }
        if (store.datasets(new RecordQuery(null, null, null, datasetId, null, 1)).isEmpty()) {
            throw new ApiException(404, "no dataset '" + datasetId + "' is recorded");
        }
        Instant now = clock.instant();
        String action = flagged.asBoolean() ? ComplianceScope.FLAG_PERSONAL_DATA : ComplianceScope.CLEAR_PERSONAL_DATA;
        HumanActionRecord record = new HumanActionRecord(action + ":" + datasetId + ":" + r.caller().user() + ":" + now.toEpochMilli()
                + ":" + java.util.UUID.randomUUID(), r.caller().user(), role.wireName(), action, "dataset", datasetId, null, now,
                body.path("comment").asText(null));
        store.ingest(new IngestBatch(List.of(record)));
        return Response.created(MetadataJson.valueToJson(record));
    }

    private static long longParam(Request r, String name, long defaultValue) {
        String value = r.param(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter '" + name + "' must be a whole number, was '" + value + "'");
        }
    }

    /** With {@code headSequence} and {@code headHash} (an exported head), entries removed from the end are found too. */
    private Response verifyLedger(Request r) {
        String hash = r.param("headHash");
        String sequence = r.param("headSequence");
        if ((hash == null) != (sequence == null)) {
            throw new ApiException(400, "an exported head needs both 'headSequence' and 'headHash'");
        }
        org.iongov.core.audit.LedgerHead exported = hash == null ? null
                : new org.iongov.core.audit.LedgerHead(longParam(r, "headSequence", 0), hash);
        return Response.ok(MetadataJson.valueToJson(store.verifyLedger(exported)));
    }

    private static int limit(Request r) {
        return r.intParam("limit", 100);
    }

    private static String required(Request r, String name) {
        String value = r.param(name);
        if (value == null || value.isBlank()) {
            throw new ApiException(400, "the query parameter '" + name + "' is required");
        }
        return value;
    }

    private static RecordQuery query(Request r) {
        return new RecordQuery(r.param("run"), r.param("instance"), r.param("type"), r.param("subject"), r.range(), limit(r));
    }

    private static Response one(Optional<? extends Record> found, String what, String id) {
        return Response.ok(MetadataJson.valueToJson(found.orElseThrow(
                () -> new ApiException(404, "no " + what + " '" + id + "' is recorded"))));
    }

    private JsonNode health() {
        ObjectNode node = JSON.objectNode();
        node.put("status", "ok");
        node.set("store", MetadataJson.valueToJson(store.info()));
        node.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
        Map<RecordKind, Long> counts = new EnumMap<>(store.counts());
        node.set("counts", MetadataJson.valueToJson(counts));
        node.set("storageBytes", MetadataJson.valueToJson(new EnumMap<>(store.storageBytes())));
        return node;
    }

    private JsonNode ionList() {
        ArrayNode list = JSON.arrayNode();
        for (IonDefinitionRecord d : store.ionDefinitions()) {
            ObjectNode item = list.addObject();
            item.put("name", d.name());
            item.put("version", d.version());
            item.put("uploadedAt", d.uploadedAt().toString());
        }
        return list;
    }

    private Response uploadIon(Request r) throws IOException {
        String text = r.bodyText();
        r.json(); // malformed JSON is refused with its position before the model sees it
        String name;
        try {
            name = ionCheck.validate(text);
        } catch (IonDefinitionCheck.InvalidDefinitionException e) {
            throw new ApiException(400, e.getMessage(), e.problems());
        }
        IonDefinitionRecord stored = store.addIonDefinition(name, text, r.caller().user());
        ObjectNode reply = JSON.objectNode();
        reply.put("name", stored.name());
        reply.put("version", stored.version());
        reply.put("uploadedAt", stored.uploadedAt().toString());
        return Response.created(reply);
    }

    private Response ionDefinition(Request r) throws IOException {
        String name = java.net.URLDecoder.decode(r.pathParam(0), StandardCharsets.UTF_8);
        Integer version = r.optionalIntParam("version");
        IonDefinitionRecord found = store.ionDefinition(name, version).orElseThrow(() -> new ApiException(404,
                "no ION definition '" + name + "'" + (version == null ? "" : " version " + version) + " is stored"));
        ObjectNode reply = JSON.objectNode();
        reply.put("name", found.name());
        reply.put("version", found.version());
        reply.put("uploadedAt", found.uploadedAt().toString());
        reply.set("definition", MetadataJson.MAPPER.readTree(found.definitionJson()));
        return Response.ok(reply);
    }

    private Response ingest(Request r) throws IOException {
        JsonNode body = r.json();
        JsonNode records = body.get("records");
        if (records != null && records.isArray() && records.size() > options.maxBatchRecords()) {
            throw new ApiException(413, "batch of " + records.size() + " records exceeds the limit of " + options.maxBatchRecords()
                    + " records: split it");
        }
        List<MetadataRecord> parsed = MetadataJson.readRecords(body);
        refuseWhatOnlyPeopleRecord(parsed, r.caller());
        JsonNode receipt = MetadataJson.valueToJson(store.ingest(new IngestBatch(parsed)));
        // Models reaching policy nodes are decided (and sent on) before the producer hears back.
        propagation.afterIngest(parsed);
        if (parsed.stream().anyMatch(m -> m instanceof org.iongov.core.metadata.MessageRecord)) {
            modelMessagesStored();
        }
        return Response.ok(receipt);
    }

    /**
     * Compliance and model propagation trust human actions (approvals, personal-data flags) and the
     * server's own events (compliance violations, policy decisions): an agent's token may not
     * ingest them. People record them through their routes, with their own tokens.
     */
    private static void refuseWhatOnlyPeopleRecord(List<MetadataRecord> records, AccessToken caller) {
        Role role = caller.role();
        if (role.may(Permission.DECIDE) || role.may(Permission.EXPORT) || role.may(Permission.ADMINISTER)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            MetadataRecord record = records.get(i);
            if (record instanceof HumanActionRecord human) {
                problems.add("records[" + i + "]: humanAction '" + human.id() + "' is recorded by a person with their own token"
                        + " (POST /api/v1/approvals, /api/v1/rollbacks, /api/v1/datasets/{id}/personal-data), not ingested by a "
                        + role.wireName());
            } else if (record instanceof org.iongov.core.metadata.EventRecord event
                    && (event.id().startsWith(Violation.EVENT_ID_PREFIX) || event.id().startsWith("policy:"))) {
                problems.add("records[" + i + "].id: event '" + event.id() + "': ids starting with '"
                        + event.id().substring(0, event.id().indexOf(':') + 1) + "' are the server's own (compliance violations,"
                        + " policy decisions); choose another id");
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "the batch holds records a " + role.wireName() + " may not ingest (nothing was stored): "
                    + String.join("; ", problems), problems);
        }
    }

    private Response decide(Request r) throws IOException {
        JsonNode body = r.json();
        String messageId = body.path("messageId").asText(null);
        String decision = body.path("decision").asText(null);
        if (messageId == null || !("approve".equals(decision) || "reject".equals(decision))) {
            throw new ApiException(400, "a decision needs {\"messageId\": ..., \"decision\": \"approve\" or \"reject\", \"comment\": ...}");
        }
        ModelPropagation.HumanDecision result = propagation.decideByPeople(messageId, r.caller().user(), r.caller().role().wireName(),
                "approve".equals(decision), body.path("comment").asText(null));
        modelMessagesStored();
        return Response.ok(MetadataJson.valueToJson(result));
    }

    private Response rollback(Request r) throws IOException {
        JsonNode body = r.json();
        String instance = body.path("instance").asText(null);
        String node = body.path("node").asText(null);
        String model = body.path("modelId").asText(null);
        if (instance == null || node == null || model == null) {
            throw new ApiException(400, "a rollback needs {\"instance\": ..., \"node\": ..., \"modelId\": ..., \"comment\": ...}");
        }
        String messageId = propagation.rollback(instance, node, model, r.caller().user(), r.caller().role().wireName(),
                body.path("comment").asText(null));
        modelMessagesStored();
        ObjectNode reply = JSON.objectNode();
        reply.put("messageId", messageId);
        return Response.created(reply);
    }

    /**
     * Deliveries to a node; with {@code wait=MS} (up to 30 s) a request that finds none waits for
     * the next model message instead of returning empty, so agents hear of a model at once.
     */
    private Response deliveries(Request r) throws IOException {
        String instance = r.param("instance");
        String node = r.param("node");
        if (instance == null || node == null) {
            throw new ApiException(400, "query parameters 'instance' and 'node' are required");
        }
        long waitMillis = Math.max(0, Math.min(30_000, r.intParam("wait", 0)));
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            long seen = modelMessages.get();
            var found = propagation.deliveries(instance, node, r.timeParam("after"), r.param("afterId"));
            long left = deadline - System.currentTimeMillis();
            if (!found.isEmpty() || left <= 0 || closing) {
                return Response.ok(MetadataJson.valueToJson(found));
            }
            synchronized (modelMessages) {
                if (modelMessages.get() == seen && !closing) {
                    try {
                        modelMessages.wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Response.ok(MetadataJson.valueToJson(found));
                    }
                }
            }
        }
    }

    private volatile boolean closing;

    /** Counts stored model messages; long-polling deliveries wait on it. */
    private final java.util.concurrent.atomic.AtomicLong modelMessages = new java.util.concurrent.atomic.AtomicLong();

    private void modelMessagesStored() {
        synchronized (modelMessages) {
            modelMessages.incrementAndGet();
            modelMessages.notifyAll();
        }
    }

    private Response statistics(Request r) {
        String name = r.param("name");
        if (name == null) {
            throw new ApiException(400, "query parameter 'name' is required: which statistic?");
        }
        return Response.ok(MetadataJson.valueToJson(
                store.statistics(new StatisticQuery(name, r.param("run"), r.range(), r.intParam("maxPoints", 1000)))));
    }

    private Response modelBytes(Request r) {
        String id = r.pathParam(0);
        var model = store.model(id).orElseThrow(() -> new ApiException(404, "no model '" + id + "' is recorded"));
        if (model.bytes() == null) {
            throw new ApiException(404, "model '" + id + "' is kept at " + model.location() + ", not in the store");
        }
        return Response.binary(model.bytes());
    }

    private Response createToken(Request r) throws IOException {
        JsonNode body = r.json();
        String user = body.path("user").asText(null);
        String roleName = body.path("role").asText(null);
        if (user == null || user.isBlank()) {
            throw new ApiException(400, "user: is required");
        }
        Role role = Role.fromWireName(roleName == null ? "" : roleName)
                .orElseThrow(() -> new ApiException(400, "role: '" + roleName + "' is not one of " + Role.wireNames()));
        IssuedToken issued = store.createToken(user, role, r.caller().user());
        ObjectNode reply = (ObjectNode) MetadataJson.valueToJson(issued.token());
        reply.put("secret", issued.secret());
        return Response.created(reply);
    }

    private Response revokeToken(Request r) {
        if (!store.revokeToken(r.pathParam(0), r.caller().user())) {
            throw new ApiException(404, "no active token '" + r.pathParam(0) + "'");
        }
        ObjectNode reply = JSON.objectNode();
        reply.put("revoked", r.pathParam(0));
        return Response.ok(reply);
    }

    private Response retention(Request r) throws IOException {
        JsonNode body = r.body().length == 0 ? JSON.objectNode() : r.json();
        boolean dryRun = body.path("dryRun").asBoolean(true);
        RetentionPolicy policy = RetentionPolicy.defaults();
        JsonNode days = body.get("maxAgeDays");
        if (days != null) {
            Map<RecordKind, Duration> ages = new EnumMap<>(RecordKind.class);
            for (var it = days.fields(); it.hasNext();) {
                var entry = it.next();
                RecordKind kind = RecordKind.fromWireName(entry.getKey()).orElseThrow(
                        () -> new ApiException(400, "maxAgeDays." + entry.getKey() + ": unknown kind"));
                if (!entry.getValue().canConvertToInt()) {
                    throw new ApiException(400, "maxAgeDays." + entry.getKey() + ": expected a whole number of days");
                }
                ages.put(kind, Duration.ofDays(entry.getValue().asInt()));
            }
            try {
                policy = new RetentionPolicy(ages);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage());
            }
        }
        return Response.ok(MetadataJson.valueToJson(store.applyRetention(policy, clock.instant(), dryRun)));
    }

    // ---- dispatch ----

    private void serve(HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = dispatch(exchange);
        } catch (ApiException e) {
            response = error(e.status(), e.getMessage(), e.problems());
        } catch (InvalidRecordsException e) {
            response = error(400, e.getMessage(), e.problems());
        } catch (IllegalArgumentException e) {
            response = error(400, e.getMessage(), List.of());
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.ERROR, "store failure on " + exchange.getRequestURI(), e);
            response = error(503, e.getMessage(), List.of());
        } catch (RuntimeException | IOException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error on " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
            response = error(500, "internal error: " + e, List.of());
        }
        send(exchange, response);
    }

    private Response dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            AccessToken caller = authenticate(exchange);
            if (!caller.role().may(route.permission())) {
                throw new ApiException(403, "role " + caller.role().wireName() + " may not "
                        + route.permission().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " ("
                        + method + " " + path + ")");
            }
            List<String> params = new ArrayList<>();
            for (int g = 1; g <= matcher.groupCount(); g++) {
                params.add(java.net.URLDecoder.decode(matcher.group(g), StandardCharsets.UTF_8));
            }
            return route.handler().handle(new Request(exchange, params, options.maxBodyBytes(), caller));
        }
        if (pathKnown) {
            throw new ApiException(405, method + " is not allowed on " + path);
        }
        throw new ApiException(404, "no such endpoint: " + method + " " + path + " (see docs/api.md)");
    }

    private AccessToken authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "a bearer token is required: send 'Authorization: Bearer <token>'");
        }
        return store.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "the bearer token is unknown or revoked"));
    }

    private static Response error(int status, String message, List<String> problems) {
        ObjectNode body = JSON.objectNode();
        body.put("status", status);
        body.put("error", message);
        if (!problems.isEmpty()) {
            body.set("problems", MetadataJson.valueToJson(problems));
        }
        return new Response(status, body, null);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body;
        if (response.bytes() != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            body = response.bytes();
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            body = MetadataJson.MAPPER.writeValueAsBytes(response.json());
        }
        if (response.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"iongov\"");
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
