package org.callcentre.ivr.fastagi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetFullVariableCommand;
import org.asteriskjava.fastagi.command.GetOptionCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our command text is the library's, byte for byte, whatever the arguments hold. */
class QuotedCommandsTest {

    /** Plain, empty, and everything the quoting has to deal with: quotes, backslashes, line ends. */
    private static final List<String> ARGUMENTS = List.of("/var/lib/callcentre/prompts/en/main-menu", "",
            "say \"hello\"", "C:\\prompts\\x", "two\nlines", "\\\"\n\r\t,|()", "中文提示");

    static Stream<AgiCommand> commands() {
        Stream.Builder<AgiCommand> all = Stream.builder();
        for (String a : ARGUMENTS) {
            all.add(new StreamFileCommand(a, "0123456789*#"));
            all.add(new StreamFileCommand(a, a, 1200));
            all.add(new StreamFileCommand(a));
            all.add(new GetOptionCommand(a, "12"));
            all.add(new GetOptionCommand(a, a, 5000));
            all.add(new ExecCommand("MixMonitor", a + ",b r(x)t(y)"));
            all.add(new ExecCommand(a, "one", a));
            all.add(new ExecCommand("StopMixMonitor"));
            all.add(new GetVariableCommand(a));
            all.add(new GetFullVariableCommand("${CHANNEL(linkedid)}"));
            all.add(new GetFullVariableCommand(a, a));
            all.add(new SetVariableCommand("CALLCENTRE_FLOW", a));
            all.add(new SetVariableCommand(a, null));
            all.add(new GetDataCommand(a));
            all.add(new GetDataCommand(a, 3000));
            all.add(new GetDataCommand(a, 3000, 6));
            all.add(new GetDataCommand(a, 0, 1));
        }
        return all.build();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void textIsTheLibrarysOwn(AgiCommand library) {
        ((org.asteriskjava.fastagi.command.AbstractAgiCommand) library).setAsteriskVersion(AsteriskVersion.ASTERISK_22);

        AgiCommand ours = QuotedCommands.of(library);

        assertThat(ours).isNotSameAs(library);
        assertThat(ours.buildCommand()).isEqualTo(library.buildCommand());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aLineFeedInAnArgumentCannotStartASecondCommand(AgiCommand library) {
        assertThat(QuotedCommands.of(library).buildCommand()).doesNotContain("\n");
    }

    @org.junit.jupiter.api.Test
    void commandsWeDoNotSendGoOutAsTheLibraryBuildsThem() {
        AgiCommand answer = new AnswerCommand();

        assertThat(QuotedCommands.of(answer)).isSameAs(answer);
    }
}
