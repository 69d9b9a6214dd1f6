package org.csbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The JVM flags are listed twice: in pom.xml ({@code csbench.jvm.options}: launcher, tests, spark-submit) and in
 * .mvn/jvm.config, which Maven reads before any pom (exec:java). The two must not drift apart.
 */
class JvmOptionsTest {
    @Test
    void mavensJvmConfigHoldsThePomsFlagsAndAHeap() throws IOException {
        String pom = System.getProperty("csbench.jvm.options");
        assertNotNull(pom, "csbench.jvm.options is not set: run the tests with Maven");
        List<String> config = Files.readAllLines(Path.of(".mvn/jvm.config")).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        assertEquals(Arrays.asList(pom.strip().split("\\s+")),
                config.stream().filter(flag -> !flag.startsWith("-Xmx")).toList(),
                ".mvn/jvm.config (less its -Xmx) differs from pom.xml's csbench.jvm.options");
        assertEquals(1, config.stream().filter(flag -> flag.startsWith("-Xmx")).count(), config.toString());
    }
}
