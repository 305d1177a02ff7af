package org.callcentre.ivr.fastagi;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetFullVariableCommand;
import org.asteriskjava.fastagi.command.GetOptionCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;

/**
 * The AGI commands an IVR session sends, written out once with plain string building.
 * Asterisk-Java's own quoting ({@code AbstractAgiCommand.escapeAndQuote}) compiles three regular
 * expressions and runs a {@code String.format} for every argument of every command. The text on
 * the wire is the same ({@code QuotedCommandsTest} compares it with the library's, command by
 * command); commands not listed here are sent as the library builds them.
 */
final class QuotedCommands {

    /** Asterisk-Java's defaults for GET DATA, which it leaves off the command. */
    private static final GetDataCommand GET_DATA_DEFAULTS = new GetDataCommand("");

    private QuotedCommands() {
    }

    /** The command with its text built here, or the command itself if it is not one we send. */
    static AgiCommand of(AgiCommand command) {
        return switch (command) {
            case StreamFileCommand c -> new Text("STREAM FILE " + quote(c.getFile()) + " " + quote(c.getEscapeDigits())
                    + (c.getOffset() < 0 ? "" : " " + c.getOffset()));
            case GetOptionCommand c -> new Text("GET OPTION " + quote(c.getFile()) + " " + quote(c.getEscapeDigits())
                    + (c.getTimeout() < 0 ? "" : " " + c.getTimeout()));
            case ExecCommand c -> new Text("EXEC " + quote(c.getApplication()) + " "
                    + quote(c.getOptions() == null ? null : String.join(",", c.getOptions())));
            case GetVariableCommand c -> new Text("GET VARIABLE " + quote(c.getVariable()));
            case GetFullVariableCommand c -> new Text("GET FULL VARIABLE " + quote(c.getVariable())
                    + (c.getChannel() == null ? "" : " " + quote(c.getChannel())));
            case SetVariableCommand c -> new Text("SET VARIABLE " + quote(c.getVariable()) + " " + quote(c.getValue()));
            case GetDataCommand c -> new Text(getData(c));
            default -> command;
        };
    }

    /**
     * An AGI argument in double quotes: backslashes and quotes escaped, line feeds (which would end
     * the command early) dropped; null is the empty argument.
     */
    static String quote(String argument) {
        if (argument == null) {
            return "\"\"";
        }
        StringBuilder quoted = new StringBuilder(argument.length() + 8).append('"');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> { }
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** GET DATA leaves out the timeout and digit limit where they are Asterisk's defaults. */
    private static String getData(GetDataCommand c) {
        String command = "GET DATA " + quote(c.getFile());
        if (c.getMaxDigits() != GET_DATA_DEFAULTS.getMaxDigits()) {
            return command + " " + c.getTimeout() + " " + c.getMaxDigits();
        }
        return c.getTimeout() == GET_DATA_DEFAULTS.getTimeout() ? command : command + " " + c.getTimeout();
    }

    /** A command whose text is already built; it does not depend on the Asterisk version. */
    private record Text(String text) implements AgiCommand {
        @Override
        public String buildCommand() {
            return text;
        }

        @Override
        public void setAsteriskVersion(AsteriskVersion version) {
            // the text is the same for every Asterisk we support
        }
    }
}
