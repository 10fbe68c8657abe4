package org.iongov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.core.access.Role;
import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy and access changes made through the server are recorded in the ledger under the caller's name. */
class LedgerActorsTest {

    @TempDir
    Path temp;

    @Test
    void theLedgerNamesWhoUploadedAnIonAndWhoIssuedAndRevokedATokenThroughTheServer() throws Exception {
        try (GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow()
                .openEmbedded(temp.resolve("store"));
                GovernanceServer server = GovernanceServer.start(store, GovernanceServerTest.NAME_ONLY,
                        ServerOptions.defaults().withPort(0))) {
            ApiCalls api = new ApiCalls(server);
            String admin = store.createToken("ada", Role.ADMIN).secret();
            String scientist = store.createToken("dana", Role.DATA_SCIENTIST).secret();
            long before = store.ledgerHead().sequence();

            assertEquals(201, api.call("POST", "/api/v1/ions", scientist, "{\"name\":\"retraining\"}").status());
            ApiCalls.Reply issued = api.call("POST", "/api/v1/tokens", admin, "{\"user\":\"oscar\",\"role\":\"operator\"}");
            assertEquals(201, issued.status(), issued.json().toString());
            assertEquals(2, api.call("DELETE", "/api/v1/tokens/" + issued.json().get("id").asText(), admin, null).status() / 100);

            List<LedgerEntry> entries = store.ledger(before + 1, 10);
            assertEquals(List.of("ion-definition dana", "token-created ada", "token-revoked ada"),
                    entries.stream().map(e -> e.kind() + " " + e.actor()).toList());
        }
    }
}
