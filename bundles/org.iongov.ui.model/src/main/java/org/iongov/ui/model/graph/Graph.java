package org.iongov.ui.model.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directed graph of {@link GraphNode}s (a lineage, an ION, a pipeline's components), kept in
 * insertion order so that layouts are deterministic. Not thread-safe: build it on one thread, then
 * hand out {@link #copy() copies}, or {@link #frozenCopy() frozen copies} that no one can change.
 */
public final class Graph {

    /** Set once a graph is handed out as immutable: changing it then is a programming error. */
    private boolean frozen;
    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final Set<GraphEdge> edges = new LinkedHashSet<>();
    private final Map<String, Set<GraphEdge>> outgoing = new LinkedHashMap<>();
    private final Map<String, Set<GraphEdge>> incoming = new LinkedHashMap<>();

    /** Adds a node, or replaces the node with the same id (its edges stay). */
    public Graph add(GraphNode node) {
        checkNotFrozen();
        nodes.put(node.id(), node);
        return this;
    }

    /** Adds an edge between two nodes already in the graph; adding it twice keeps one. */
    public Graph connect(String from, String to, EdgeKind kind) {
        return connect(new GraphEdge(from, to, kind));
    }

    /**
     * Adds an edge with its own id and label (several edges may then join the same two nodes, such
     * as two channels); adding the same edge twice keeps one. Self-loops are not drawn and ignored.
     */
    public Graph connect(GraphEdge edge) {
        checkNotFrozen();
        String from = edge.from();
        String to = edge.to();
        if (!nodes.containsKey(from) || !nodes.containsKey(to)) {
            throw new IllegalArgumentException("edge " + from + " -> " + to + " names a node not in the graph");
        }
        if (from.equals(to)) {
            return this;
        }
        if (edges.add(edge)) {
            outgoing.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(edge);
            incoming.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(edge);
        }
        return this;
    }

    /** Removes a node and its edges. */
    public void remove(String id) {
        checkNotFrozen();
        if (nodes.remove(id) == null) {
            return;
        }
        for (GraphEdge e : new ArrayList<>(outgoing.getOrDefault(id, Set.of()))) {
            disconnect(e);
        }
        for (GraphEdge e : new ArrayList<>(incoming.getOrDefault(id, Set.of()))) {
            disconnect(e);
        }
        outgoing.remove(id);
        incoming.remove(id);
    }

    private void disconnect(GraphEdge e) {
        edges.remove(e);
        Set<GraphEdge> out = outgoing.get(e.from());
        if (out != null) {
            out.remove(e);
        }
        Set<GraphEdge> in = incoming.get(e.to());
        if (in != null) {
            in.remove(e);
        }
    }

    public GraphNode node(String id) {
        return nodes.get(id);
    }

    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    public Collection<GraphNode> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /** The edge with this id, or null. */
    public GraphEdge edge(String id) {
        for (GraphEdge e : edges) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }

    public Collection<GraphEdge> edges() {
        return Collections.unmodifiableSet(edges);
    }

    public int size() {
        return nodes.size();
    }

    /** Edges leaving a node (downstream). */
    public Set<GraphEdge> outgoing(String id) {
        return Collections.unmodifiableSet(outgoing.getOrDefault(id, Set.of()));
    }

    /** Edges entering a node (upstream). */
    public Set<GraphEdge> incoming(String id) {
        return Collections.unmodifiableSet(incoming.getOrDefault(id, Set.of()));
    }

    /** The nodes reachable from {@code id} following edges upstream (or downstream), without {@code id} itself. */
    public Set<String> reachable(String id, boolean upstream) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            for (GraphEdge e : upstream ? incoming(current) : outgoing(current)) {
                String next = upstream ? e.from() : e.to();
                if (!next.equals(id) && seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    /** The nodes connected to {@code start} by edges in either direction, never passing through {@code avoid}. */
    public Set<String> connected(String start, String avoid) {
        return connected(start, avoid == null ? Set.of() : Set.of(avoid));
    }

    /** The nodes connected to {@code start} by edges in either direction, never passing through any of {@code avoid}. */
    public Set<String> connected(String start, Set<String> avoid) {
        Set<String> seen = new HashSet<>();
        if (!nodes.containsKey(start) || avoid.contains(start)) {
            return seen;
        }
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        seen.add(start);
        while (!todo.isEmpty()) {
            String current = todo.pop();
            List<String> next = new ArrayList<>();
            outgoing(current).forEach(e -> next.add(e.to()));
            incoming(current).forEach(e -> next.add(e.from()));
            for (String n : next) {
                if (!avoid.contains(n) && seen.add(n)) {
                    todo.push(n);
                }
            }
        }
        return seen;
    }

    /** An independent copy, for handing to another thread (layout, drawing); the copy can be changed. */
    public Graph copy() {
        Graph copy = new Graph();
        nodes.values().forEach(copy::add);
        edges.forEach(copy::connect);
        return copy;
    }

    /** A copy no one can change (this graph itself when it is frozen already). */
    public Graph frozenCopy() {
        if (frozen) {
            return this;
        }
        Graph copy = copy();
        copy.frozen = true;
        return copy;
    }

    /** Whether this graph refuses changes. */
    public boolean isFrozen() {
        return frozen;
    }

    private void checkNotFrozen() {
        if (frozen) {
            throw new UnsupportedOperationException("this graph was handed out as immutable (a laid-out graph's): change a copy");
        }
    }
}
