package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.GetOptionCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * {@link CallChannel} over an Asterisk-Java {@link AgiChannel}.
 *
 * <p>The dialplan sets {@code AGISIGHUP=no}, so a hang-up shows up in command replies: a result of
 * -1 from a playback, or status 511 (which Asterisk-Java raises as {@link AgiHangupException}).
 * Both become {@link CallerHungUp}. Any other AGI failure becomes {@link ChannelFailure}.
 */
public final class AgiCallChannel implements CallChannel {

    /** Script URL parameters the dialplan passes: {@code agi://host/ivr?linkedid=...&answered=yes}. */
    static final String LINKEDID_PARAMETER = "linkedid";
    static final String ANSWERED_PARAMETER = "answered";
    /** Longer than any id Asterisk makes; the journey's call id column holds 150. */
    private static final int MAX_CALL_ID = 150;

    private final AgiRequest request;
    private final AgiChannel channel;
    private final String promptDir;
    private final String recordingDir;
    private String callId;

    public AgiCallChannel(AgiRequest request, AgiChannel channel, String promptDir, String recordingDir) {
        this.request = request;
        this.channel = channel;
        this.promptDir = promptDir;
        this.recordingDir = recordingDir;
    }

    /**
     * Asterisk's linkedid: from the script URL's {@code linkedid} parameter, which the dialplan fills
     * with {@code ${CHANNEL(linkedid)}} at no cost, else asked of Asterisk (one round trip).
     */
    @Override
    public String callId() {
        if (callId == null) {
            String passed = request.getParameter(LINKEDID_PARAMETER);
            String linked = passed != null && !passed.isBlank() && passed.length() <= MAX_CALL_ID ? passed
                    : quietly(() -> channel.getFullVariable("${CHANNEL(linkedid)}"));
            callId = linked == null || linked.isBlank() ? request.getUniqueId() : linked;
        }
        return callId;
    }

    @Override
    public String callerId() {
        String number = request.getCallerIdNumber();
        return number == null ? "" : number;
    }

    /** Answers, unless the dialplan did just before handing the call over ({@code answered=yes}). */
    @Override
    public void answer() throws CallerHungUp {
        if (!"yes".equals(request.getParameter(ANSWERED_PARAMETER))) {
            agi(() -> { channel.answer(); return null; });
        }
    }

    @Override
    public void play(String prompt) throws CallerHungUp {
        AgiReply reply = agi(() -> channel.sendCommand(new StreamFileCommand(promptPath(prompt), "")));
        if (reply.getResultCode() == -1) {
            throw new CallerHungUp();
        }
    }

    @Override
    public Optional<Character> playAndReadKey(String prompt, String keys, Duration timeout) throws CallerHungUp {
        AgiReply reply = agi(() -> channel.sendCommand(
                new GetOptionCommand(promptPath(prompt), keys, timeout.toMillis())));
        int code = reply.getResultCode();
        if (code == -1) {
            throw new CallerHungUp();
        }
        return code == 0 ? Optional.empty() : Optional.of((char) code);
    }

    @Override
    public String readDigits(String prompt, int maxDigits, Duration timeout) throws CallerHungUp {
        String digits = agi(() -> channel.getData(promptPath(prompt), timeout.toMillis(), maxDigits));
        if (digits == null) {
            return "";
        }
        if (digits.equals("-1")) {  // hang-up during GET DATA
            throw new CallerHungUp();
        }
        return digits.length() > maxDigits ? digits.substring(0, maxDigits) : digits;
    }

    @Override
    public Optional<String> variable(String name) throws CallerHungUp {
        String value = agi(() -> channel.getVariable(name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void setVariable(String name, String value) throws CallerHungUp {
        agi(() -> { channel.setVariable(name, value); return null; });
    }

    @Override
    public void recordMessage(String fileName, Duration maxDuration) throws CallerHungUp {
        // Record(file.format,silence,maxduration,options): 5 s of silence ends it; 'k' keeps the
        // file when the caller hangs up to end the message, as most callers do.
        agi(() -> channel.exec("Record", recordingDir + "/" + fileName + ",5," + maxDuration.toSeconds() + ",k"));
    }

    @Override
    public String dial(String target, Duration timeout) throws CallerHungUp {
        agi(() -> channel.exec("Dial", target + "," + timeout.toSeconds()));
        // Like Queue(): an answered transfer usually ends with the caller gone, so read the
        // status the way that works on a dead channel.
        return deadVariable("DIALSTATUS").orElse("UNKNOWN");
    }

    @Override
    public void startRecording(String fileName) throws CallerHungUp {
        // 'b': only while bridged to an agent, so the recording holds the conversation.
        // r()/t(): the two directions apart, "<name>-customer.<ext>" (what this channel, the
        // caller, says) and "<name>-agent.<ext>" (what it hears), so transcripts know who spoke.
        mixMonitor(fileName, "b", "agent");
    }

    @Override
    public void startIvrRecording(String fileName) throws CallerHungUp {
        // No 'b': the caller talks to this server, not to a bridge; what they hear is our prompts.
        mixMonitor(fileName, "", "prompts");
    }

    @Override
    public void stopIvrRecording() throws CallerHungUp {
        // Without an id StopMixMonitor stops the channel's first MixMonitor: the IVR part's is the
        // only one running, since the conversation's starts after this.
        agi(() -> channel.exec("StopMixMonitor"));
    }

    private void mixMonitor(String fileName, String options, String heardAs) throws CallerHungUp {
        int dot = fileName.lastIndexOf('.');
        String base = recordingDir + "/" + (dot < 0 ? fileName : fileName.substring(0, dot));
        String ext = dot < 0 ? "" : fileName.substring(dot);
        agi(() -> channel.exec("MixMonitor", recordingDir + "/" + fileName + "," + options + "r(" + base
                + "-customer" + ext + ")t(" + base + "-" + heardAs + ext + ")"));
    }

    @Override
    public QueueResult queue(String queue, int priority, Duration maxWait, String agentPreDial)
            throws CallerHungUp {
        agi(() -> { channel.setVariable("QUEUE_PRIO", Integer.toString(priority)); return null; });
        String options = agentPreDial == null || agentPreDial.isBlank() ? "" : "b(" + agentPreDial + ")";
        agi(() -> channel.exec("Queue", queue + "," + options + ",,," + maxWait.toSeconds()));
        // Queue() returns when the caller leaves it; the variables below survive a hang-up
        // (GET VARIABLE is allowed on a dead AGI channel). setinterfacevar/setqueueentryvar
        // in queues.conf make app_queue set MEMBERNAME and QEHOLDTIME on answer.
        Optional<String> agent = deadVariable("MEMBERNAME");
        Optional<Duration> waited = deadVariable("QEHOLDTIME").map(s -> Duration.ofSeconds(Long.parseLong(s)));
        String status = deadVariable("QUEUESTATUS").orElse(agent.isPresent() ? "ANSWERED" : "UNKNOWN");
        return new QueueResult(agent, waited, status);
    }

    /** A variable read that also works once the caller has gone: no hang-up is raised. */
    private Optional<String> deadVariable(String name) {
        String value = quietly(() -> channel.getVariable(name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private String promptPath(String prompt) {
        return promptDir + "/" + prompt;
    }

    private <T> T agi(AgiCall<T> call) throws CallerHungUp {
        try {
            return call.run();
        } catch (AgiHangupException e) {
            throw new CallerHungUp();
        } catch (AgiException e) {
            throw new ChannelFailure(e.getMessage(), e);
        }
    }

    private <T> T quietly(AgiCall<T> call) {
        try {
            return call.run();
        } catch (AgiException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface AgiCall<T> {
        T run() throws AgiException;
    }
}
