package org.callcentre.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The users file ({@code callcentre.security.users-file}): one user per line,
 * {@code NAME:ROLE[,ROLE...]:PASSWORD-HASH}, e.g. {@code agent2:AGENT:{bcrypt}$2a$10$...}. Blank
 * lines and lines starting with {@code #} are ignored and kept when the file is rewritten.
 * <ul>
 * <li>NAME: 1-40 lower-case letters, digits, '-' or '_', starting with a letter. An agent's name is
 * their agent id, and agents' and supervisors' names are written into channel names, so one rule
 * holds for every user (the rule of {@code org.callcentre.ivr.agent.AgentId}).
 * <li>ROLE: AGENT, QA, SUPERVISOR or ADMIN (any case).
 * <li>PASSWORD-HASH: a one-way hash in Spring Security's prefixed form: {@code {bcrypt}}, what
 * {@code add-user} writes, or {@code {pbkdf2}}. A clear password ({@code {noop}} or no prefix) is
 * refused: the file holds nothing a reader could log in with.
 * </ul>
 * A file with a bad line is refused whole, with every bad line named.
 */
final class UsersFile {

    /** A user of the file; {@code line} is where it is (1-based), 0 before it is written. */
    record Entry(String name, Set<Role> roles, String passwordHash, int line) {
    }

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    /** BCryptPasswordEncoder's own pattern: a hash it would refuse would fail every login, silently. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    private static final Pattern HASH_ID = Pattern.compile("\\{([^}]*)}(.*)");
    private static final Set<String> ONE_WAY = Set.of("bcrypt", "pbkdf2", "pbkdf2@SpringSecurity_v5_8");

    private static final String HEADER = """
            # Users of the contact centre's API: NAME:ROLE[,ROLE...]:PASSWORD-HASH, one per line.
            # Roles: AGENT, QA, SUPERVISOR, ADMIN. Write lines with
            #   java -jar callcentre-deploy.jar add-user THIS-FILE NAME ROLE[,ROLE...]
            # The server re-reads this file when it changes.
            """;

    private UsersFile() {
    }

    /** The users of the file, or a {@link UsersFileException} naming the file and every bad line. */
    static List<Entry> read(Path file) {
        List<String> lines = lines(file);
        List<Entry> users = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Entry user = parse(line, i + 1);
                Integer first = seen.putIfAbsent(user.name(), user.line());
                if (first != null) {
                    throw new IllegalArgumentException("user '" + user.name() + "' is already on line " + first);
                }
                users.add(user);
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsersFileException(file, problems);
        }
        return List.copyOf(users);
    }

    /** One line, {@code NAME:ROLES:HASH}; an IllegalArgumentException says what is wrong with it. */
    static Entry parse(String line, int number) {
        String[] fields = line.split(":", 3);
        if (fields.length < 3) {
            throw new IllegalArgumentException("expected NAME:ROLE[,ROLE...]:PASSWORD-HASH, found "
                    + fields.length + " field" + (fields.length == 1 ? "" : "s"));
        }
        return new Entry(name(fields[0].strip()), roles(fields[1]), hash(fields[2].strip()), number);
    }

    static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name '" + name + "' must be 1-40 lower-case letters, digits, "
                    + "'-' or '_', starting with a letter (it is also the agent id and written into channel names)");
        }
        return name;
    }

    static Set<Role> roles(String roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String role : roles.split(",", -1)) {
            String r = role.strip().toUpperCase(Locale.ROOT);
            try {
                set.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((r.isEmpty() ? "an empty role" : "unknown role '" + role.strip() + "'")
                        + " (roles: " + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "))
                        + ")");
            }
        }
        return set;
    }

    private static String hash(String password) {
        var id = HASH_ID.matcher(password);
        if (!id.matches() || id.group(1).equals("noop")) {
            throw new IllegalArgumentException("the password must be a hash such as {bcrypt}$2a$10$..., never a clear "
                    + "password; write the line with add-user");
        }
        if (!ONE_WAY.contains(id.group(1))) {
            throw new IllegalArgumentException("password hash {" + id.group(1) + "} is not accepted; use {bcrypt} "
                    + "(what add-user writes) or {pbkdf2}");
        }
        if (id.group(1).equals("bcrypt") && !BCRYPT.matcher(id.group(2)).matches()) {
            throw new IllegalArgumentException("the {bcrypt} hash is malformed (expected $2a$NN$ and 53 characters)");
        }
        return password;
    }

    static String format(Entry user) {
        return user.name() + ":" + user.roles().stream().sorted().map(Role::name).collect(Collectors.joining(",")) + ":"
                + user.passwordHash();
    }

    /**
     * Adds the user, or replaces the line of the user of that name in place; creates the file
     * (owner-only) if missing. The file is rewritten whole and moved into place, so the server
     * never reads half of it. Returns whether a user was replaced.
     */
    static boolean put(Path file, Entry user) {
        List<String> lines = Files.exists(file) ? checkedLines(file) : new ArrayList<>(HEADER.lines().toList());
        int at = lineOf(lines, user.name());
        if (at < 0) {
            lines.add(format(user));
        } else {
            lines.set(at, format(user));
        }
        write(file, lines);
        return at >= 0;
    }

    /** Removes the user's line; returns whether there was one. */
    static boolean remove(Path file, String name) {
        List<String> lines = checkedLines(file);
        int at = lineOf(lines, name);
        if (at >= 0) {
            lines.remove(at);
            write(file, lines);
        }
        return at >= 0;
    }

    /** The lines of a file that reads without error: a bad file is never edited further. */
    private static List<String> checkedLines(Path file) {
        read(file);
        return new ArrayList<>(lines(file));
    }

    private static int lineOf(List<String> lines, String name) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(name + ":")) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsersFileException(file, List.of(e instanceof NoSuchFileException ? "does not exist"
                    : "cannot be read: " + e));
        }
    }

    private static void write(Path file, List<String> lines) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dir, ".users", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".users", ".tmp");
            try {
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UsersFileException(file, List.of("cannot be written: " + e));
        }
    }
}
