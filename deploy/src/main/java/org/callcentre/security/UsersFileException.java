package org.callcentre.security;

import java.nio.file.Path;
import java.util.List;

/** The users file cannot be used: which file, and each reason (a bad line names its number). */
final class UsersFileException extends IllegalArgumentException {

    private final transient Path file;

    UsersFileException(Path file, List<String> problems) {
        super("users file " + file + (problems.size() == 1 ? " " + problems.getFirst()
                : ":\n  " + String.join("\n  ", problems)));
        this.file = file;
    }

    Path file() {
        return file;
    }
}
