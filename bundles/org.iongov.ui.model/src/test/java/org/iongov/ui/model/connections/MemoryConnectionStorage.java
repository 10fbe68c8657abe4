package org.iongov.ui.model.connections;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Connection storage in memory, for tests of what the connection list stores: which values are
 * kept as secrets, and what is flushed. The workbench's implementation over Eclipse secure
 * storage is tested in the workbench's UI tests.
 */
final class MemoryConnectionStorage implements ConnectionStorage {

    final Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    final Set<String> secrets = new HashSet<>();
    /** What was there at the last flush: what a restart would read. */
    Map<String, Map<String, String>> flushed = Map.of();

    @Override
    public List<String> ids() {
        return new ArrayList<>(nodes.keySet());
    }

    @Override
    public Optional<String> get(String id, String key) {
        return Optional.ofNullable(nodes.getOrDefault(id, Map.of()).get(key));
    }

    @Override
    public void put(String id, String key, String value, boolean secret) {
        nodes.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(key, value);
        if (secret) {
            secrets.add(id + "/" + key);
        } else {
            secrets.remove(id + "/" + key);
        }
    }

    @Override
    public boolean isEncrypted(String id, String key) {
        return secrets.contains(id + "/" + key);
    }

    @Override
    public void remove(String id) {
        nodes.remove(id);
        secrets.removeIf(s -> s.startsWith(id + "/"));
    }

    @Override
    public void flush() {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        nodes.forEach((id, values) -> copy.put(id, Map.copyOf(values)));
        flushed = copy;
    }
}
