package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A node run started: one execution of a pipeline or policy node of an ION instance.
 *
 * @param id the run id
 * @param instanceId the ION instance the run belongs to
 * @param node the node's name in the ION
 * @param nodeKind pipeline or policy
 * @param startedAt when it started
 * @param host the machine it ran on, may be null
 * @param engine e.g. spark, flink, tensorflow, standalone; may be null
 * @param engineVersion may be null
 * @param agent the agent that reported it, may be null
 * @param codeUri where its code lives, may be null for policy nodes
 * @param codeVersion the commit or content digest of that code, may be null
 * @param configurationJson the configuration actually used, as JSON; may be null
 * @param startedBy the person who started the run, may be null (policies that ask for separation
 *     of duties refuse that person's approval of the run's models)
 */
public record RunRecord(String id, String instanceId, String node, NodeKind nodeKind, Instant startedAt, String host,
        String engine, String engineVersion, String agent, String codeUri, String codeVersion, String configurationJson,
        String startedBy) implements MetadataRecord {

    /** Level-2 node kinds. */
    public enum NodeKind {
        PIPELINE, POLICY
    }

    @Override
    public RecordKind kind() {
        return RecordKind.RUN;
    }
}
