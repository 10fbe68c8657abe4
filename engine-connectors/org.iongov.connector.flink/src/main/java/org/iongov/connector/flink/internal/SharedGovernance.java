package org.iongov.connector.flink.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.iongov.agent.api.Governance;

/**
 * One agent connection per socket and JVM, shared by the governed operators that run in it (their
 * subtasks, model sources, canaries): each connection has its own sending thread that polls its
 * queue, so one per operator would cost CPU for nothing. Counted: closed when the last user releases it.
 */
final class SharedGovernance {

    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private static final class Shared {
        final Governance governance;
        int users;

        Shared(Governance governance) {
            this.governance = governance;
        }
    }

    private SharedGovernance() {
    }

    static synchronized Governance acquire(Path socket) {
        Shared shared = OPEN.computeIfAbsent(socket, s -> new Shared(Governance.connect(s)));
        shared.users++;
        return shared.governance;
    }

    /** Closes the connection (which flushes it) when no one else uses it; call after flushing what the caller reported. */
    static void release(Path socket, Governance governance) {
        Governance last = null;
        synchronized (SharedGovernance.class) {
            Shared shared = OPEN.get(socket);
            if (shared != null && shared.governance == governance && --shared.users == 0) {
                OPEN.remove(socket);
                last = governance;
            }
        }
        if (last != null) {
            last.close();
        }
    }
}
