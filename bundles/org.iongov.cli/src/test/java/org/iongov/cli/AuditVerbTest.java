package org.iongov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code ./iongov audit} on a real embedded store, before and after someone edits its database. */
class AuditVerbTest {

    @TempDir
    Path temp;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new IonGovCli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verifiesExportsTheHeadListsAndFindsTampering() throws Exception {
        String store = temp.resolve("store").toString();
        Path example = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json");
        assertEquals(ExitCodes.OK, run("ion", "upload", example.toString(), "--store", store), err());
        assertEquals(ExitCodes.OK, run("token", "create", "--store", store, "--user", "olivia", "--role", "operator"), err());
        String tokenId = out().split(" ")[1];
        assertEquals(ExitCodes.OK, run("token", "revoke", tokenId, "--store", store), err());

        Path head = temp.resolve("head.json");
        assertEquals(ExitCodes.OK, run("audit", "head", "--out", head.toString(), "--store", store), err());
        JsonNode exported = new ObjectMapper().readTree(Files.readString(head));
        assertEquals(3, exported.get("sequence").asLong());
        assertTrue(exported.get("hash").asText().matches("[0-9a-f]{64}"), exported.toString());
        assertEquals(ExitCodes.OK, run("audit", "head", "--store", store));
        assertEquals(exported, new ObjectMapper().readTree(out()));

        assertEquals(ExitCodes.OK, run("audit", "verify", "--head", head.toString(), "--store", store), err());
        assertTrue(out().startsWith("ledger intact: 3 entries, head at entry 3 (" + exported.get("hash").asText() + ")"), out());

        assertEquals(ExitCodes.OK, run("audit", "log", "--store", store));
        String table = out();
        assertTrue(table.startsWith("SEQ") && table.contains("ion-definition") && table.contains("token-revoked"), table);
        assertEquals(ExitCodes.OK, run("audit", "log", "--limit", "1", "--json", "--store", store));
        JsonNode last = new ObjectMapper().readTree(out());
        assertEquals(1, last.size(), "the last entry only");
        assertEquals("token-revoked", last.get(0).get("kind").asText());
        assertEquals("olivia", last.get(0).get("payload").get("user").asText());
        assertEquals(ExitCodes.OK, run("audit", "log", "--from", "2", "--limit", "1", "--json", "--store", store));
        assertEquals(2, new ObjectMapper().readTree(out()).get(0).get("sequence").asLong());

        // Remove the last entry and set the store's head back: only the exported head shows it.
        String hashOfTwo = new ObjectMapper().readTree(out()).get(0).get("hash").asText();
        sql(store, "DELETE FROM LEDGER_ENTRY WHERE SEQ = 3", "UPDATE LEDGER_HEAD SET SEQ = 2, HASH = '" + hashOfTwo + "'");
        assertEquals(ExitCodes.OK, run("audit", "verify", "--store", store), err());
        assertEquals(ExitCodes.FAILED, run("audit", "verify", "--head", head.toString(), "--store", store));
        assertEquals("iongov audit: ledger broken at entry 3: entry 3 is missing: the exported head is at entry 3 but the ledger ends"
                + " at entry 2\n", err());

        // Edit who the token was for: the entry is named with its kind.
        sql(store, "UPDATE LEDGER_ENTRY SET PAYLOAD = '{\"role\":\"admin\",\"tokenId\":\"" + tokenId + "\",\"user\":\"olivia\"}' WHERE SEQ = 2");
        assertEquals(ExitCodes.FAILED, run("audit", "verify", "--store", store));
        assertTrue(err().startsWith("iongov audit: ledger broken at entry 2 (token-created): its content was changed: it hashes to "),
                err());
        assertEquals(1, err().lines().count(), err());
        assertEquals(ExitCodes.FAILED, run("audit", "verify", "--json", "--store", store));
        assertEquals(2, new ObjectMapper().readTree(out()).get("brokenSequence").asLong());
    }

    @Test
    void usageErrorsAreOneLine() throws Exception {
        String store = temp.resolve("store").toString();
        assertEquals(ExitCodes.OK, run("audit", "--help"));
        assertTrue(out().contains("./iongov audit verify [--head FILE]") && out().contains("--store DIR"), out());
        assertEquals(ExitCodes.USAGE, run("audit", "--store", store));
        assertEquals("iongov audit: say verify, head or log (see ./iongov audit --help)\n", err());
        assertEquals(ExitCodes.USAGE, run("audit", "verify", "--head", temp.resolve("none.json").toString(), "--store", store));
        assertTrue(err().startsWith("iongov audit verify: no head file ") && err().lines().count() == 1, err());
        Path notAHead = Files.writeString(temp.resolve("bad.json"), "{\"sequence\": \"x\"}");
        assertEquals(ExitCodes.USAGE, run("audit", "verify", "--head", notAHead.toString(), "--store", store));
        assertTrue(err().contains("is not an exported head"), err());
        assertEquals(ExitCodes.USAGE, run("audit", "head", "--limit", "3", "--store", store));
        assertEquals("iongov audit head: --limit does not apply (see ./iongov audit --help)\n", err());
        assertEquals(ExitCodes.USAGE, run("audit", "log", "--limit", "0", "--store", store));
        assertEquals(ExitCodes.USAGE, run("audit", "rewrite", "--store", store));
        assertTrue(new IonGovCli().overview().contains("audit"));
    }

    private static void sql(String store, String... statements) throws SQLException {
        String url = "jdbc:derby:" + Path.of(store).resolve("db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String statement : statements) {
                assertEquals(1, st.executeUpdate(statement), statement);
            }
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // Derby reports a successful shutdown as an exception (08006)
                assertEquals("08006", expected.getSQLState(), expected.getMessage());
            }
        }
    }
}
