package org.iongov.agent.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run is: which node of which ION instance, on which engine, with which code and
 * configuration. Built with {@link #of(String, String)} and the {@code with...} methods.
 */
public final class RunSpec {

    final String instanceId;
    final String node;
    String nodeKind = "pipeline";
    String engine;
    String engineVersion;
    String host = localHost();
    String codeUri;
    String codeVersion;
    String startedBy;
    final Map<String, Object> configuration = new LinkedHashMap<>();

    private RunSpec(String instanceId, String node) {
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.node = Objects.requireNonNull(node, "node");
    }

    /** A pipeline run of this node in this ION instance. */
    public static RunSpec of(String instanceId, String node) {
        return new RunSpec(instanceId, node);
    }

    /** Marks the run as a policy node's run (the default is a pipeline's). */
    public RunSpec asPolicy() {
        nodeKind = "policy";
        return this;
    }

    public RunSpec withEngine(String engineName, String version) {
        engine = engineName;
        engineVersion = version;
        return this;
    }

    /** Where the code lives and the commit or content digest actually run. */
    public RunSpec withCode(String uri, String version) {
        codeUri = uri;
        codeVersion = version;
        return this;
    }

    public RunSpec withHost(String hostName) {
        host = hostName;
        return this;
    }

    /** The person who started the run (policies with separation of duties check it). */
    public RunSpec startedBy(String user) {
        startedBy = user;
        return this;
    }

    /** One configuration value actually used (text, number, boolean, list or map). */
    public RunSpec withParameter(String name, Object value) {
        configuration.put(name, value);
        return this;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
