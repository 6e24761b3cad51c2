package org.quantlstm.features.scale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quantlstm.common.UserInputException;

/** Reads and writes {@link Scaler}s as JSON (Jackson); files are written atomically (temp file + move). */
public final class ScalerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScalerJson() {
    }

    public static String toJson(Scaler scaler) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(scaler);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise scaler", e);
        }
    }

    public static Scaler fromJson(String json) {
        try {
            return MAPPER.readValue(json, Scaler.class);
        } catch (JsonProcessingException e) {
            throw new UserInputException("scaler JSON is invalid: " + e.getOriginalMessage());
        }
    }

    /** Writes the scaler as JSON, all-or-nothing (see {@link org.quantlstm.common.AtomicFiles}). */
    public static void write(Scaler scaler, Path file) throws IOException {
        try {
            org.quantlstm.common.AtomicFiles.write(file, toJson(scaler).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static Scaler read(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UserInputException("scaler file " + file + " unreadable: " + e.getMessage());
        }
    }
}
