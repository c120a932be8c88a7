package org.scforge.generators.rtl;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content hash written into generated headers: SHA-256 of the network's model-file JSON (weights included). */
public final class ModelHash {

    private ModelHash() {
    }

    /** The hex SHA-256 of {@code network}'s model-file JSON, as every generated file's header shows it. */
    public static String of(Network network) {
        try {
            byte[] json = ModelFile.toJson(ModelDocument.of(network)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
