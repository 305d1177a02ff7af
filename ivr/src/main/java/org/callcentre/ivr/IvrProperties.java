package org.callcentre.ivr;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the {@code ivr} module ({@code callcentre.ivr.*}). Defaults are those of the
 * local stack (deploy/stack/stack.sh) and of the hotline's rules in DOMAIN.md.
 */
@Validated
@ConfigurationProperties("callcentre.ivr")
public record IvrProperties(
        @Valid @DefaultValue FastAgi fastagi,
        @Valid @DefaultValue Ami ami,
        @Valid @DefaultValue Menu menu,
        @Valid @DefaultValue Recording recording,
        @Valid @DefaultValue TestCall testCall,
        /** Directory of the IVR prompts as Asterisk sees it (one sub-directory per language). */
        @NotBlank @DefaultValue("/var/lib/callcentre/prompts") String promptDir,
        @Valid @DefaultValue Floor floor,
        @Valid @DefaultValue Agents agents,
        @Valid @DefaultValue Flows flows,
        @Valid @DefaultValue BusinessHours hours,
        @Valid @DefaultValue OrderSystem orderSystem,
        /** The call queues: what Asterisk's queues.conf is rendered from and what the floor reports on. */
        List<@Valid Queue> queues) {

    public IvrProperties {
        queues = queues == null || queues.isEmpty() ? List.of(Queue.named("support")) : List.copyOf(queues);
    }

    /**
     * The FastAGI server Asterisk connects to.
     *
     * @param bindAddress       the only address it listens on
     * @param allowedHosts      remote addresses allowed to open sessions (the Asterisk boxes)
     * @param maxSessions       concurrent IVR sessions; above it a session is refused and Asterisk
     *                          continues its dialplan with AGISTATUS=FAILURE
     * @param socketReadTimeout how long a session waits for Asterisk's reply to one command; a
     *                          command such as Queue() can legitimately last the whole call
     * @param sessionThreads    what runs each session (see {@link SessionThreads})
     */
    public record FastAgi(
            @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
            @Min(1) @Max(65535) @DefaultValue("4573") int port,
            @NotEmpty @DefaultValue("127.0.0.1") List<String> allowedHosts,
            @Min(1) @DefaultValue("2000") int maxSessions,
            @DefaultValue("4h") Duration socketReadTimeout,
            @DefaultValue("platform") SessionThreads sessionThreads) {
    }

    /**
     * What runs an IVR session, which holds its thread for the whole call.
     * <ul>
     * <li>{@code platform} (the default): pooled platform threads. A session is a handful of small
     * blocking socket reads and writes, and a platform thread does each with one system call; on
     * this 2-core machine the server used 1.3-1.4 ms of CPU per benchmark call this way, against
     * 2.6-3.1 ms on virtual threads (docs/benchmarks.md, stop 8). Up to {@code max-sessions}
     * threads, each with a mostly untouched stack.
     * <li>{@code virtual}: a virtual thread per session. Each read that has to wait goes through the
     * JDK's poller and a timed park, which costs more CPU per call, but thousands of waiting calls
     * cost a few kilobytes each: for {@code max-sessions} in the tens of thousands.
     * </ul>
     */
    public enum SessionThreads { PLATFORM, VIRTUAL }

    /** The Asterisk Manager Interface account (least privilege: no 'system'). */
    public record Ami(
            @NotBlank @DefaultValue("127.0.0.1") String host,
            @Min(1) @Max(65535) @DefaultValue("5038") int port,
            @NotBlank @DefaultValue("callcentre") String username,
            /** File holding the secret, so that no secret sits in configuration files. */
            Path secretFile,
            @DefaultValue("10s") Duration actionTimeout,
            /**
             * The AMI event classes the server takes (the login's event mask), within what the AMI
             * user may read. The floor, journeys and recording pauses need agent (queues and members),
             * user (UserEvent) and system (FullyBooted, Shutdown); adding call (every channel's
             * Newchannel, Newstate, Hangup...) costs the server about 2 ms of CPU per call.
             */
            @Pattern(regexp = "[a-z]+(,[a-z]+)*",
                    message = "must be AMI event classes separated by commas, e.g. agent,user,system")
            @DefaultValue("agent,user,system") String events) {
    }

    /**
     * The main menu of the first release: prompt names, timing and where each key leads.
     * Superseded by flow files ({@link Flows}): the flow engine does not read it; it still binds
     * so that existing configuration files do not fail.
     *
     * @param options key -> option; the default is DOMAIN.md's hotline menu
     */
    public record Menu(
            @DefaultValue("5s") Duration keyTimeout,
            @Min(1) @Max(10) @DefaultValue("3") int attempts,
            @NotBlank @DefaultValue("support") String fallbackQueue,
            @DefaultValue("9") String repeatKey,
            /** Longest a caller waits in a queue before the queue gives up (DOMAIN.md: 3 minutes). */
            @DefaultValue("3m") Duration maxQueueWait,
            Map<String, MenuOption> options) {

        public Menu {
            options = options == null || options.isEmpty() ? MenuOption.DEFAULTS : Map.copyOf(options);
        }
    }

    /** Where a menu key leads: the business type recorded on the journey and the queue joined. */
    public record MenuOption(@NotBlank String businessType, @NotBlank String queue, @DefaultValue("0") int priority) {
        static final Map<String, MenuOption> DEFAULTS = Map.of(
                "1", new MenuOption("pre-sale", "support", 0),
                "2", new MenuOption("order-status", "support", 0),
                "3", new MenuOption("returns-exchanges-repairs", "support", 0),
                "4", new MenuOption("complaint", "support", 5),
                "0", new MenuOption("agent", "support", 0));
    }

    /**
     * Call recording by MixMonitor.
     *
     * @param asteriskDir directory Asterisk writes recordings to, as Asterisk sees it
     * @param format      Asterisk file format; wav16 is 16 kHz, what the speech model needs
     * @param agentPreDial the Gosub ({@code context^exten^priority}) Queue runs on each agent's
     *                     channel before it rings: the stack's {@code [recording-pause-agent]} enables
     *                     the agent's DTMF code that pauses and resumes the recording (features.conf);
     *                     empty: no DTMF code
     * @param ivrPart      also record the IVR part of each call: from answer until the caller is handed
     *                     to a queue or an extension (a second MixMonitor, the caller's voice apart from
     *                     the prompts). Transcribed for calls that never reach an agent, so what they said
     *                     to the hotline (a voicemail, say) is searchable; off by default
     */
    public record Recording(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("/var/spool/asterisk/monitor") String asteriskDir,
            @NotBlank @DefaultValue("wav16") String format,
            @DefaultValue("recording-pause-agent^s^1") String agentPreDial,
            @DefaultValue("false") boolean ivrPart) {

        private static final java.util.regex.Pattern UNSAFE_IN_FILE_NAMES =
                java.util.regex.Pattern.compile("[^A-Za-z0-9._-]");

        /** Whether the IVR part of calls is recorded (recording itself must be on). */
        public boolean recordsIvrPart() {
            return enabled && ivrPart;
        }

        /** The conversation's recording of a call: {@code <call id>.<format>}. */
        public String conversationFile(String callId) {
            return safe(callId) + "." + format;
        }

        /** The recording of a call's IVR part: {@code <call id>-ivr.<format>}. */
        public String ivrPartFile(String callId) {
            return safe(callId) + "-ivr." + format;
        }

        /** A message left at a voicemail node: {@code vm-<call id>.<format>}. */
        public String voicemailFile(String callId) {
            return "vm-" + safe(callId) + "." + format;
        }

        /** A file name safe on any file system, from a call id (Asterisk ids are 'a.b'). */
        private static String safe(String callId) {
            return UNSAFE_IN_FILE_NAMES.matcher(callId).replaceAll("_");
        }
    }

    /**
     * The synthetic customer used to smoke-test a hotline: espeak-ng speaks a sentence into a
     * directory Asterisk can play from, and AMI originates a call that says it.
     *
     * @param hostSoundDir     that directory as this server sees it
     * @param asteriskSoundDir the same directory as Asterisk sees it
     */
    public record TestCall(
            @DefaultValue("false") boolean enabled,
            Path hostSoundDir,
            String asteriskSoundDir,
            @NotBlank @DefaultValue("100") String hotlineExtension,
            @NotBlank @DefaultValue("hotline") String hotlineContext,
            @NotBlank @DefaultValue("synthetic-caller") String callerContext,
            @DefaultValue("3s") Duration keyDelay,
            @DefaultValue("5s") Duration talkDelay) {
    }

    /**
     * The live floor: the day's time zone and surge thresholds (DOMAIN.md: nobody should wait more
     * than 3 minutes). Per-queue figures (service-level threshold, wrap-up) come from {@link Queue}.
     *
     * @param roster agent ids expected on shift, for the login rate
     */
    public record Floor(
            @DefaultValue("UTC") java.time.ZoneId timeZone,
            List<String> roster,
            List<@Valid SurgeThreshold> surge,
            /** How long after a call its agent may still record or change the wrap-up disposition. */
            @DefaultValue("15m") Duration dispositionWindow) {

        public Floor {
            roster = roster == null ? List.of() : List.copyOf(roster);
            surge = surge == null || surge.isEmpty() ? SurgeThreshold.DEFAULTS : List.copyOf(surge);
        }
    }

    /**
     * One app_queue queue ({@code callcentre.ivr.queues[n].*}). Asterisk's queues.conf is rendered
     * from these (see {@code org.callcentre.ivr.queue.QueuesConf}); the floor reads the same values.
     * Asterisk counts in whole seconds, so every duration must be whole seconds.
     *
     * @param name                  the queue's name in the dialplan, flows and AMI
     * @param strategy              how app_queue picks the member to ring
     * @param wrapUp                after-call work time before a member is offered the next call
     * @param serviceLevel          a call answered within this counts towards the service level
     *                              (DOMAIN.md: telecom practice answers within 10-15 s)
     * @param ringTimeout           how long one member rings before the next is tried
     * @param retry                 pause before ringing the members again after a round
     * @param maxCallers            callers allowed to wait at once; 0 is unlimited
     * @param weight                a member in several queues serves the higher weight first
     * @param announceFrequency     how often a waiting caller hears position/hold time; 0 is never
     * @param announcePosition      whether that announcement says the caller's position
     * @param announceHoldTime      whether it says the estimated hold time
     * @param maxWait               longest a caller waits before the queue gives up (DOMAIN.md:
     *                              3 minutes); a flow's queue node may set its own {@code max-wait}
     */
    public record Queue(
            @NotBlank String name,
            @DefaultValue("RRMEMORY") QueueStrategy strategy,
            @DefaultValue("10s") Duration wrapUp,
            @DefaultValue("15s") Duration serviceLevel,
            @DefaultValue("15s") Duration ringTimeout,
            @DefaultValue("1s") Duration retry,
            @DefaultValue("0") int maxCallers,
            @DefaultValue("0") int weight,
            @DefaultValue("0s") Duration announceFrequency,
            @DefaultValue("false") boolean announcePosition,
            @DefaultValue("false") boolean announceHoldTime,
            @DefaultValue("3m") Duration maxWait) {

        /** A queue with every default. */
        public static Queue named(String name) {
            return new Queue(name, QueueStrategy.RRMEMORY, Duration.ofSeconds(10), Duration.ofSeconds(15),
                    Duration.ofSeconds(15), Duration.ofSeconds(1), 0, 0, Duration.ZERO, false, false, Duration.ofMinutes(3));
        }
    }

    /** app_queue's ring strategies, written into queues.conf in lower case. */
    public enum QueueStrategy {
        RINGALL, LEASTRECENT, FEWESTCALLS, RANDOM, RRMEMORY, RRORDERED, LINEAR, WRANDOM
    }

    /** A surge level is reached when either figure, summed or maxed over all queues, reaches its value. */
    public record SurgeThreshold(@jakarta.validation.constraints.NotNull SurgeLevel level, @Min(1) int waitingCallers,
            @jakarta.validation.constraints.NotNull Duration longestWait) {
        static final List<SurgeThreshold> DEFAULTS = List.of(
                new SurgeThreshold(SurgeLevel.LEVEL_1, 5, Duration.ofSeconds(60)),
                new SurgeThreshold(SurgeLevel.LEVEL_2, 10, Duration.ofSeconds(120)),
                new SurgeThreshold(SurgeLevel.LEVEL_3, 20, Duration.ofSeconds(180)));
    }

    /**
     * How agents appear to app_queue. {agent} is replaced by the agent id.
     *
     * @param interfaceTemplate      the member interface: a PJSIP softphone, or a Local channel stand-in
     * @param stateInterfaceTemplate where app_queue reads the member's device state
     * @param phones                 agents on a phone of their own (agent id -> interface, e.g.
     *                               {@code agent1: PJSIP/agent1}): member and state interface, over the
     *                               templates; such an agent logs in themselves, never automatically
     */
    public record Agents(
            @NotBlank @DefaultValue("PJSIP/{agent}") String interfaceTemplate,
            @NotBlank @DefaultValue("PJSIP/{agent}") String stateInterfaceTemplate,
            @NotEmpty @DefaultValue("support") List<String> defaultQueues,
            /** Agents logged in to their default queues whenever AMI connects (stand-in phones). */
            List<String> autoLogin,
            /** The phone a supervisor monitors calls on; {supervisor} is their user name. */
            @NotBlank @DefaultValue("PJSIP/{supervisor}") String supervisorPhoneTemplate,
            Map<String, String> phones) {

        public Agents {
            autoLogin = autoLogin == null ? List.of() : List.copyOf(autoLogin);
            phones = phones == null ? Map.of() : Map.copyOf(phones);
            phones.forEach((agent, phone) -> {
                if (phone.isBlank() || !phone.contains("/")) {
                    throw new IllegalArgumentException("callcentre.ivr.agents.phones." + agent
                            + " must be a channel interface such as PJSIP/" + agent + ", not '" + phone + "'");
                }
            });
        }

        public String memberInterface(String agent) {
            return phones.getOrDefault(agent, interfaceTemplate.replace("{agent}", agent));
        }

        public String stateInterface(String agent) {
            return phones.getOrDefault(agent, stateInterfaceTemplate.replace("{agent}", agent));
        }

        /** The auto-login agents less those on a phone of their own. */
        public List<String> standInsToLogIn() {
            return autoLogin.stream().filter(agent -> !phones.containsKey(agent)).toList();
        }

        public String supervisorPhone(String supervisor) {
            return supervisorPhoneTemplate.replace("{supervisor}", supervisor);
        }
    }

    /**
     * IVR flows as data: the default flow ships on the classpath ({@code flows/hotline.yaml});
     * every {@code *.yaml} in {@code dir} is loaded beside it (a file whose {@code flow:} is
     * {@code hotline} replaces the default). Files in {@code dir} are re-read when they change; a
     * bad file is logged and the flows already running stay in service.
     *
     * @param dir         extra flow files; none when unset
     * @param defaultFlow the flow a call runs unless the AGI request names one ({@code agi://.../ivr?flow=x})
     * @param maxSteps    nodes one call may pass through: a guard against loops and key floods
     */
    public record Flows(
            Path dir,
            @NotBlank @DefaultValue("hotline") String defaultFlow,
            @Min(10) @Max(10000) @DefaultValue("200") int maxSteps) {
    }

    /**
     * Business hours and holidays for {@code hours} nodes. Weekly hours are {@code HH:mm-HH:mm} per
     * day (a day not listed is closed); the default is open around the clock, so a site that has
     * not configured its hours never sends callers to the after-hours message by surprise.
     *
     * @param zone     the time zone the hours are in
     * @param weekly   day -> opening hours, e.g. {@code MONDAY: 08:00-20:00}
     * @param holidays dates on which the hotline is closed all day
     */
    public record BusinessHours(
            @DefaultValue("UTC") ZoneId zone,
            Map<DayOfWeek, String> weekly,
            List<LocalDate> holidays) {

        public BusinessHours {
            if (weekly == null || weekly.isEmpty()) {
                weekly = new EnumMap<>(DayOfWeek.class);
                for (DayOfWeek day : DayOfWeek.values()) {
                    weekly.put(day, "00:00-24:00");
                }
            }
            weekly = Map.copyOf(weekly);
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
        }
    }

    /**
     * The shop's order system, asked who is calling ({@code lookup} nodes).
     *
     * @param url     base URL; unset means no order system: every lookup takes the 'unavailable' path
     * @param timeout the longest a caller waits in silence for the answer
     */
    public record OrderSystem(
            URI url,
            @DefaultValue("2s") Duration timeout) {
    }
}
