package org.scforge.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * scforge's version: the Maven project version, the one place it is written, which the build copies into
 * {@code version.properties}. Output-folder manifests, generated file headers and {@code --version} show it.
 */
public final class ScforgeVersion {

    /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String NUMBER = load();

    private ScforgeVersion() {
    }

    private static String load() {
        try (InputStream in = ScforgeVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from scforge-dsl's jar (a broken build)");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException("version.properties holds no version ('" + version
                        + "'): the build did not filter it");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
