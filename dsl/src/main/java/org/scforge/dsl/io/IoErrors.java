package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words: java.nio's exceptions carry the reason in their type and the
 * path alone in their message, so printing the message says {@code scforge: error: out/x} and nothing
 * else. {@link #reason} names the path the system complained about and the cause.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** {@code "PATH: why"}, one line, e.g. {@code "out/model.json: permission denied"}. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            String where = f.getFile() == null ? "" : f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
            return (where.isEmpty() ? "" : where + ": ") + cause(f);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The cause alone, for a message that names the path itself: {@code "permission denied"}. */
    public static String cause(IOException e) {
        if (!(e instanceof FileSystemException f)) {
            // e.g. reading a folder: "Is a directory" becomes "is a directory" after the path
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean word = m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1));
            return word ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        // the system's own words ("Read-only file system", "No space left on device", "Not a directory")
        return f.getReason() == null ? "cannot be used" : f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
}
