package org.csbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code csbench --version} prints: csbench's version (from the pom, in a filtered resource) and the Spark,
 * Delta Lake and Java versions on the classpath this run uses.
 */
public final class Versions implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** csbench's version as the pom gives it, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String csbench() {
        try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; build with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("csbench.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of the Spark classes loaded (the cluster's under spark-submit). */
    public static String spark() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }

    /** The version of the Delta Lake classes loaded. */
    public static String delta() {
        return io.delta.package$.MODULE$.VERSION();
    }

    /** One line for a run's summary: {@code csbench 0.1.0 on Spark 4.1.3, Delta Lake 4.4.0, master local[2]}. */
    public static String line(String master) {
        return String.format("csbench %s on Spark %s, Delta Lake %s, master %s", csbench(), spark(), delta(), master);
    }

    @Override
    public String[] getVersion() {
        return new String[] {"csbench " + csbench(), "Spark " + spark() + ", Delta Lake " + delta(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
