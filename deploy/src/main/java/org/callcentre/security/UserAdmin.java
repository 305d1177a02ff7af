package org.callcentre.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The users file's commands, run by the server jar instead of the server:
 * <pre>
 * java -jar callcentre-deploy.jar add-user FILE NAME ROLE[,ROLE...] [--password-file=PATH|-]
 * java -jar callcentre-deploy.jar remove-user FILE NAME
 * </pre>
 * {@code add-user} adds the user to the users file ({@link UsersFile}), or replaces the user of
 * that name, with the password hashed by bcrypt. The password is read from the first line of
 * {@code --password-file} ({@code -}: standard input); without it, a random one is generated and
 * printed once, and stored nowhere. There is no password argument: arguments show in the process
 * list and the shell's history. A running server picks the change up at its next login.
 */
public final class UserAdmin {

    public static final String ADD = "add-user";
    public static final String REMOVE = "remove-user";
    static final int MIN_PASSWORD = 8;

    private UserAdmin() {
    }

    public static boolean handles(String command) {
        return command.equals(ADD) || command.equals(REMOVE);
    }

    /**
     * Runs one command; what it did goes to {@code out}. An IllegalArgumentException says why it did
     * nothing (bad arguments, a bad users file): the file is then as it was.
     */
    public static void run(String[] args, InputStream in, PrintStream out) {
        List<String> plain = new ArrayList<>();
        String passwordFile = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--password-file=")) {
                passwordFile = args[i].substring("--password-file=".length());
            } else if (args[i].startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; " + usage(args[0]));
            } else {
                plain.add(args[i]);
            }
        }
        if (args[0].equals(REMOVE)) {
            if (plain.size() != 2 || passwordFile != null) {
                throw new IllegalArgumentException(usage(REMOVE));
            }
            Path file = Path.of(plain.get(0));
            boolean removed = UsersFile.remove(file, plain.get(1));
            out.println(removed ? "Removed " + plain.get(1) + " from " + file : "No user " + plain.get(1) + " in " + file);
            return;
        }
        if (plain.size() != 3) {
            throw new IllegalArgumentException(usage(ADD));
        }
        Path file = Path.of(plain.get(0));
        String name = UsersFile.name(plain.get(1));
        Set<Role> roles = UsersFile.roles(plain.get(2));
        boolean generated = passwordFile == null;
        String password = generated ? generated() : password(passwordFile, in);
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
        boolean replaced = UsersFile.put(file, new UsersFile.Entry(name, roles, hash, 0));
        out.println((replaced ? "Replaced " : "Added ") + name + " " + roles + " in " + file);
        if (generated) {
            out.println("Password of " + name + " (shown once, stored only as a hash): " + password);
        }
    }

    private static String password(String source, InputStream in) {
        String from = source.equals("-") ? "standard input" : source;
        String text;
        try {
            text = source.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password from " + from + ": " + e);
        }
        String password = text.lines().findFirst().orElse("");
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password (first line of " + from + ") must have at least "
                    + MIN_PASSWORD + " characters");
        }
        return password;
    }

    /** 18 random bytes: 24 characters of URL-safe Base64, nothing a shell or a URL would mangle. */
    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String usage(String command) {
        return "usage: " + (command.equals(REMOVE) ? REMOVE + " FILE NAME"
                : ADD + " FILE NAME ROLE[,ROLE...] [--password-file=PATH|-]");
    }
}
