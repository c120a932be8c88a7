package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for the user from an I/O failure. The JDK's file exceptions often carry only the path as
 * their message ({@code AccessDeniedException: /proc/x}); this adds what went wrong with it.
 */
public final class IoProblems {

    private IoProblems() {
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "");
            String why = f.getReason() != null ? f.getReason()
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e.getClass().getSimpleName();
            return file + ": " + why;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
