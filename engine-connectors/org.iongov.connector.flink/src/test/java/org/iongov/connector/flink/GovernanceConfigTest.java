package org.iongov.connector.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class GovernanceConfigTest {

    private final GovernanceConfig config = GovernanceConfig.of(Path.of("/tmp/agent.sock"), "inst", "recommend-tests", "run-1");

    @Test
    void saysWhatIsWrongInOneLine() {
        assertEquals("the prediction sampling share must be between 0 and 1, was 1.5",
                assertThrows(IllegalArgumentException.class, () -> config.sampling(1.5)).getMessage());
        assertEquals("no feature 'age' among []: declare the features first",
                assertThrows(IllegalArgumentException.class, () -> config.signature("age", 0, 1)).getMessage());
        assertEquals("the edges of 'age' must increase: [0.0, 10.0, 5.0]", assertThrows(IllegalArgumentException.class,
                () -> config.features(List.of("age")).signature("age", 0, 10, 5)).getMessage());
        assertEquals("a channel is listed twice: [a, a]",
                assertThrows(IllegalArgumentException.class, () -> config.channels("a", "a")).getMessage());
        assertEquals("no model channel for node 'recommend-tests': call channels(...)",
                assertThrows(IllegalArgumentException.class, config::validate).getMessage());
        assertEquals("the id of the run opened by the job's driver is missing", assertThrows(IllegalArgumentException.class,
                () -> GovernanceConfig.of(Path.of("/tmp/s"), "inst", "node", " ")).getMessage());
    }

    @Test
    void travelsToTheOperators() throws Exception {
        config.channels("a", "b").window(Duration.ofSeconds(3)).features(List.of("age")).signature("age", 0, 50, 100);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(config);
        }
        assertEquals(List.of("a", "b"), config.channels());
        assertEquals(3000, config.windowMillis());
    }
}
