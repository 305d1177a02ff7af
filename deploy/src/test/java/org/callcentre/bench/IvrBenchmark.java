package org.callcentre.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ChannelTalkingStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IVR benchmark: our FastAGI IVR against the same one-key menu in native dialplan, on the real
 * stack, with synthetic callers originated over AMI. Run it on a quiet machine:
 *
 * <pre>mvn -B -q -pl deploy -am package -DskipTests &amp;&amp; mvn -B -q -pl deploy test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.callcentre.bench.IvrBenchmark</pre>
 *
 * (documented in docs/benchmarks.md). It starts the "test9" stack instance and the server jar as
 * its own process, and prints a Markdown report. CPU is read from /proc for the Asterisk and
 * server processes; time to first prompt is heard by the caller (TALK_DETECT's ChannelTalkingStart
 * minus the caller channel's creation), the same way for both variants.
 */
public final class IvrBenchmark {

    private static final String INSTANCE = "test9";
    /**
     * The synthetic caller: "talking" callers send audio (silence) the whole call, as a phone without
     * silence suppression does; "quiet" ones send only the key ({@code bench.caller}).
     */
    private static final String CALLER = switch (System.getProperty("bench.caller", "talking")) {
        case "talking" -> "Local/s@bench-caller/n";
        case "quiet" -> "Local/s@bench-caller-quiet/n";
        default -> throw new IllegalArgumentException("bench.caller is talking or quiet");
    };
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    /** The deploy module's directory, whether Maven runs us from the repository root or the module. */
    private static final Path BASE = Files.isDirectory(Path.of("deploy", "stack")) ? Path.of("deploy") : Path.of(".");

    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicInteger originateFailures = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private ManagerConnection ami;
    private Process server;
    private int httpPort;
    private long asteriskPid;

    /** What the benchmark saw of one caller channel. */
    static final class Call {
        volatile long createdMs;
        volatile long firstTalkMs;
        final AtomicInteger talkStarts = new AtomicInteger();
        volatile boolean hungUp;
        volatile long hungUpMs;
        volatile String hangupCause;
    }

    /** One run; {@code serverThreadTicks} is the server's CPU over the run by thread group, in ticks. */
    record Result(String variant, int calls, double rate, int failed, double cpuMsPerCall, double asteriskCpuMsPerCall,
            double serverCpuMsPerCall, long ttfpP50, long ttfpP99, Map<String, Long> serverThreadTicks) {

        /** The server's JIT compiler threads (C1 and C2), in ms per call. */
        double jitMsPerCall() {
            long ticks = serverThreadTicks.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                    .mapToLong(Map.Entry::getValue).sum();
            return ticks * 1000.0 / TICKS_PER_SECOND / calls;
        }
    }

    public static void main(String[] args) throws Exception {
        // Asterisk-Java warns once per ChannelTalkingStart about a field it has no setter for
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.asteriskjava"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        IvrBenchmark bench = new IvrBenchmark();
        try {
            bench.start();
            StringBuilder report = new StringBuilder();
            java.util.Set<String> parts = java.util.Set.of(System.getProperty("bench.only",
                    "menu,sustained,concurrency").split(","));
            report.append(bench.warmUp(Integer.getInteger("bench.warmup", 30_000)));
            bench.run("native", 100, 50);
            if (parts.contains("menu")) {
                List<Result> results = new ArrayList<>();
                int n = Integer.getInteger("bench.calls", 1000);
                double rate = Double.parseDouble(System.getProperty("bench.rate", "50"));
                int rounds = Integer.getInteger("bench.rounds", 2);
                // Interleaved in ABBA order (native first in even rounds, FastAGI first in odd ones):
                // Asterisk's CPU per call drifts within a run, mostly upwards, and a fixed order
                // would charge that drift to whichever variant always runs second.
                for (int round = 0; round < rounds; round++) {
                    boolean nativeFirst = round % 2 == 0;
                    results.add(bench.run(nativeFirst ? "native" : "fastagi", n, rate));
                    results.add(bench.run(nativeFirst ? "fastagi" : "native", n, rate));
                }
                // by thread over the measured FastAGI rounds only, not the warm-up
                results.stream().filter(r -> r.variant().equals("fastagi")).forEach(bench.serverThreads::add);
                report.append(table(results));
                report.append(bench.serverThreads.report());
                report.append(bench.idleServer(Duration.ofSeconds(10)));
            }
            if (parts.contains("concurrency")) { // before the sustained load, which can leave Asterisk backlogged
                report.append(bench.concurrency(Integer.getInteger("bench.concurrent", 1000)));
            }
            if (parts.contains("sustained")) {
                double rate = Double.parseDouble(System.getProperty("bench.sustained.rate", "100"));
                int seconds = Integer.getInteger("bench.sustained.seconds", 60);
                report.append(bench.sustained("native", rate, seconds));
                report.append(bench.sustained("fastagi", rate, seconds));
            }
            System.out.println(report);
            Files.writeString(BASE.resolve("target/ivr-benchmark.md"), report);
        } finally {
            bench.stop();
        }
    }

    private void start() throws Exception {
        String script = BASE.resolve("stack/stack.sh").toAbsolutePath().toString();
        exec("bash", script, "start", INSTANCE);
        Properties p = new Properties();
        Path props = Path.of(capture("bash", script, "env-file", INSTANCE).strip());
        try (var in = Files.newBufferedReader(props)) {
            p.load(in);
        }
        asteriskPid = Long.parseLong(capture("pgrep", "-f", "asterisk -C /etc/callcentre/" + INSTANCE + "/").lines()
                .findFirst().orElseThrow().strip());
        try (ServerSocket s = new ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        File jar = Files.list(BASE.resolve("target")).filter(f -> f.toString().matches(".*callcentre-deploy-.*\\.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("build the jar first: mvn package")).toFile();
        server = new ProcessBuilder(javaBin(), "--enable-native-access=ALL-UNNAMED", "-jar", jar.getPath(),
                "--spring.config.additional-location=file:" + props,
                "--server.port=" + httpPort, "--callcentre.ivr.bench.enabled=true",
                "--callcentre.ivr.fastagi.max-sessions=5000", "--callcentre.data-dir=" + BASE.resolve("target/bench-data").toAbsolutePath(),
                "--callcentre.security.users[0].name=admin", "--callcentre.security.users[0].password={noop}bench",
                "--callcentre.security.users[0].roles=ADMIN", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(BASE.resolve("target/bench-server.log").toFile()).start();
        ami = new ManagerConnectionFactory("127.0.0.1", Integer.parseInt(p.getProperty("callcentre.ivr.ami.port")),
                "callcentre", Files.readString(Path.of(p.getProperty("callcentre.ivr.ami.secret-file"))).strip())
                .createManagerConnection();
        ami.login("call");
        ami.addEventListener(event -> {
            switch (event) {
                case NewChannelEvent e when e.getChannel().startsWith("Local/s@bench-caller") && e.getChannel().endsWith(";2") ->
                    calls.computeIfAbsent(e.getUniqueId(), k -> new Call()).createdMs = millis(e.getTimestamp());
                case ChannelTalkingStartEvent e -> {
                    Call c = calls.get(e.getUniqueId());
                    if (c != null && c.talkStarts.getAndIncrement() == 0) {
                        c.firstTalkMs = millis(e.getTimestamp());
                    }
                }
                case HangupEvent e -> {
                    Call c = calls.get(e.getUniqueId());
                    if (c != null) {
                        c.hungUpMs = millis(e.getTimestamp());
                        c.hangupCause = e.getCause() + " " + e.getCauseTxt();
                        c.hungUp = true;
                    }
                }
                case OriginateResponseEvent e when !"Success".equalsIgnoreCase(e.getResponse()) ->
                    originateFailures.incrementAndGet();
                default -> { }
            }
        });
        for (int i = 0; i < 120 && !serverUp(); i++) {
            Thread.sleep(500);
        }
        if (!serverUp()) {
            throw new IllegalStateException("server did not start, see deploy/target/bench-server.log");
        }
    }

    /**
     * Runs FastAGI calls until the server's JIT compilers have settled: a method called once per
     * call reaches C2 only after thousands of calls, so a fixed short warm-up leaves compilation in
     * the measured rounds (0.5-0.9 ms per call after 500 to 10,000 calls, docs/benchmarks.md), and
     * one quiet block of 500 calls can come between two bursts (stop 8: settled after 4,500 calls,
     * then 0.34 ms per call in the measured rounds). Settled means: at least
     * {@code bench.warmup.min} calls (default 10,000), and the compiler threads took under
     * {@code bench.warmup.jit-ms} (default 0.05) ms per call over each of the last two blocks of
     * 500 calls; at most {@code max} calls.
     */
    private String warmUp(int max) throws Exception {
        double quiet = Double.parseDouble(System.getProperty("bench.warmup.jit-ms", "0.05"));
        int min = Integer.getInteger("bench.warmup.min", 10_000);
        int block = 500;
        int done = 0;
        int quietBlocks = 0;
        StringBuilder trace = new StringBuilder();
        while (done < max) {
            double jitMsPerCall = run("fastagi", block, 50).jitMsPerCall();
            done += block;
            quietBlocks = jitMsPerCall < quiet ? quietBlocks + 1 : 0;
            trace.append(String.format(" %d: %.2f;", done, jitMsPerCall));
            System.out.printf("warm-up: %d calls, JIT %.2f ms per call over the last %d%n", done, jitMsPerCall, block);
            if (done >= min && quietBlocks >= 2) {
                break;
            }
        }
        return String.format("%nWarm-up: %d FastAGI calls at 50/s, at least %d and until the server's JIT compilers took"
                + " under %.2f ms per call over two blocks of 500 calls in a row (%s; JIT ms per call after N calls:%s).%n%n",
                done, min, quiet, quietBlocks >= 2 ? "settled" : "NOT settled, stopped at the limit", trace);
    }

    /** Originates {@code n} callers at {@code rate} per second into a variant; waits for them to end. */
    private Result run(String variant, int n, double rate) throws Exception {
        calls.clear();
        originateFailures.set(0);
        long completedBefore = (long) metric("callcentre.ivr.bench.completed", "COUNT");
        long[] cpu0 = {cpuTicks(asteriskPid), cpuTicks(server.pid())};
        Map<Long, TaskTicks> threads0 = threadTicks(server.pid());
        originate(variant, n, rate, "1", "5");
        awaitAllHungUp(n, Duration.ofSeconds(60));
        // Asterisk and the server go on working for these calls after their last hang-up (channel
        // destruction, event queues): read the CPU once that tail is done, so that it counts here
        // and not in the next run, which may be the other variant.
        Thread.sleep(Long.getLong("bench.settle-ms", 3000));
        long[] cpu1 = {cpuTicks(asteriskPid), cpuTicks(server.pid())};
        Map<String, Long> threadDelta = byThreadGroup(threads0, threadTicks(server.pid()), cpu1[1] - cpu0[1]);
        double astMs = (cpu1[0] - cpu0[0]) * 1000.0 / TICKS_PER_SECOND / n;
        // The server runs in both variants (queues, floor and journeys listen over AMI whichever way
        // the menu runs), so its CPU counts in both: the difference is what the FastAGI IVR adds.
        double srvMs = (cpu1[1] - cpu0[1]) * 1000.0 / TICKS_PER_SECOND / n;
        List<Long> ttfp = calls.values().stream().filter(c -> c.firstTalkMs > 0)
                .map(c -> c.firstTalkMs - c.createdMs).sorted().toList();
        int heardTwoPrompts = (int) calls.values().stream().filter(c -> c.talkStarts.get() >= 2).count();
        if (variant.equals("fastagi")) {
            long completed = (long) metric("callcentre.ivr.bench.completed", "COUNT") - completedBefore;
            heardTwoPrompts = (int) Math.min(heardTwoPrompts, completed);
        }
        return new Result(variant, n, rate, n - heardTwoPrompts + originateFailures.get(), astMs + srvMs, astMs,
                srvMs, percentile(ttfp, 0.5), percentile(ttfp, 0.99), threadDelta);
    }

    private String sustained(String variant, double rate, int seconds) throws Exception {
        Result r = run(variant, (int) (rate * seconds), rate);
        String server = "n/a (no server) | n/a";
        if (variant.equals("fastagi")) {
            double keyP50 = metric("callcentre.ivr.bench.key.to.prompt.percentile", "VALUE", "phi:0.5") * 1000;
            double keyP99 = metric("callcentre.ivr.bench.key.to.prompt.percentile", "VALUE", "phi:0.99") * 1000;
            double firstP99 = metric("callcentre.ivr.bench.first.prompt.percentile", "VALUE", "phi:0.99") * 1000;
            server = String.format("%.2f ms | %.3f / %.3f ms", firstP99, keyP50, keyP99);
        }
        return String.format("""

                ### Sustained load: %s at %.0f calls/s for %d s
                | calls | failed | CPU ms/call (Asterisk + server) | time to first prompt p50 / p99 (caller) | \
                server: session start to first prompt p99 | server: key to next prompt p50 / p99 |
                |---|---|---|---|---|---|
                | %d | %d | %.2f | %d / %d ms | %s |
                """, variant, rate, seconds, r.calls(), r.failed(), r.cpuMsPerCall(), r.ttfpP50(), r.ttfpP99(), server);
    }

    /** The server's CPU with no calls at all: its background (pollers, timers), in ms per second. */
    private String idleServer(Duration window) throws Exception {
        Thread.sleep(2000); // let the last calls' work settle
        long before = cpuTicks(server.pid());
        Thread.sleep(window.toMillis());
        double msPerSecond = (cpuTicks(server.pid()) - before) * 1000.0 / TICKS_PER_SECOND / window.toSeconds();
        return String.format("%nServer idle (no calls, %d s): %.1f ms CPU per second, %.2f ms per call at 50 "
                + "calls/s.%n", window.toSeconds(), msPerSecond, msPerSecond / 50);
    }

    /** Callers who never press a key hold IVR sessions open; how many does the server keep? */
    private String concurrency(int target) throws Exception {
        calls.clear();
        originateFailures.set(0);
        // callers hold the menu far longer than the ramp-up and the sampling take
        originate("fastagi", target, Double.parseDouble(System.getProperty("bench.concurrent.rate", "50")), "600",
                "500");
        long deadline = System.currentTimeMillis() + 90_000;
        double sessions = 0;
        while (System.currentTimeMillis() < deadline && sessions < target) {
            sessions = Math.max(sessions, metric("callcentre.fastagi.sessions", "VALUE")); // the peak
            Thread.sleep(1000);
        }
        double heapMb = metric("jvm.memory.used", "VALUE", "area:heap") / 1e6;
        double threads = metric("jvm.threads.live", "VALUE");
        int created = calls.size();
        int failedOriginates = originateFailures.get();
        // callers are meant to stay until hung up below: any gone already were cut short
        List<Call> gone = calls.values().stream().filter(c -> c.hungUp).toList();
        long[] lived = gone.stream().mapToLong(c -> c.hungUpMs - c.createdMs).sorted().toArray();
        String causes = gone.stream().collect(java.util.stream.Collectors.groupingBy(c -> c.hangupCause,
                java.util.stream.Collectors.counting())).toString();
        HangupAction hangup = new HangupAction("/^Local\\/s@bench-caller.*/");
        ami.sendAction(hangup, 10_000);
        awaitAllHungUp(target, Duration.ofSeconds(60));
        return String.format("""

                ### Concurrent IVR sessions held (callers waiting in the menu)
                | target | peak sessions | server heap used | server live threads (platform) | callers created | originates failed |
                |---|---|---|---|---|---|
                | %d | %.0f | %.0f MB | %.0f | %d | %d |

                Callers gone before the end: %d, median life %d ms, causes %s
                """, target, sessions, heapMb, threads, created, failedOriginates, gone.size(),
                lived.length == 0 ? 0 : lived[lived.length / 2], causes);
    }

    private void originate(String variant, int n, double rate, String keyDelay, String timeout) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            OriginateAction o = new OriginateAction();
            o.setChannel(CALLER);
            o.setContext("bench-" + variant);
            o.setExten("s");
            o.setPriority(1);
            o.setAsync(true);
            o.setVariables(Map.of("BENCH_KEY_DELAY", keyDelay, "BENCH_TIMEOUT", timeout));
            ami.sendAction(o, null);
        }
    }

    private void awaitAllHungUp(int n, Duration max) throws InterruptedException {
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (System.currentTimeMillis() < deadline) {
            long up = calls.values().stream().filter(c -> c.hungUp).count();
            if (up + originateFailures.get() >= n) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static String table(List<Result> results) {
        StringBuilder t = new StringBuilder("""
                ### One-key menu: FastAGI IVR vs native dialplan (same Asterisk, same callers)
                | variant | calls | rate /s | failed | CPU ms/call total | of which Asterisk | of which server | \
                time to first prompt p50 / p99 (caller) |
                |---|---|---|---|---|---|---|---|
                """);
        for (Result r : results) {
            t.append(String.format("| %s | %d | %.0f | %d | %.2f | %.2f | %.2f | %d / %d ms |%n", r.variant(),
                    r.calls(), r.rate(), r.failed(), r.cpuMsPerCall(), r.asteriskCpuMsPerCall(),
                    r.serverCpuMsPerCall(), r.ttfpP50(), r.ttfpP99()));
        }
        double nat = results.stream().filter(r -> r.variant().equals("native")).mapToDouble(Result::cpuMsPerCall)
                .average().orElse(0);
        double agi = results.stream().filter(r -> r.variant().equals("fastagi")).mapToDouble(Result::cpuMsPerCall)
                .average().orElse(0);
        double natT = results.stream().filter(r -> r.variant().equals("native")).mapToDouble(Result::ttfpP50)
                .average().orElse(0);
        double agiT = results.stream().filter(r -> r.variant().equals("fastagi")).mapToDouble(Result::ttfpP50)
                .average().orElse(0);
        StringBuilder perRound = new StringBuilder();
        for (int i = 0; i + 1 < results.size(); i += 2) { // a round is one run of each variant
            Result a = results.get(i);
            Result b = results.get(i + 1);
            double ratio = a.variant().equals("fastagi") ? a.cpuMsPerCall() / b.cpuMsPerCall()
                    : b.cpuMsPerCall() / a.cpuMsPerCall();
            perRound.append(String.format("%s%.2fx", i == 0 ? "" : ", ", ratio));
        }
        t.append(String.format("%nRatios FastAGI / native (mean of rounds): CPU per call **%.2fx** (round by round: "
                + "%s), time to first prompt p50 **%.2fx**.%n", agi / nat, perRound, agiT / natT));
        return t.toString();
    }

    private double metric(String name, String statistic, String... tags) throws Exception {
        StringBuilder q = new StringBuilder("/actuator/metrics/" + name);
        for (int i = 0; i < tags.length; i++) {
            q.append(i == 0 ? "?" : "&").append("tag=").append(tags[i]);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + q))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:bench".getBytes()))
                .build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException staleConnection) { // the server closed the pooled connection during a long run
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != 200) {
            return 0;
        }
        for (JsonNode m : json.readTree(r.body()).path("measurements")) {
            if (m.path("statistic").asString().equals(statistic)) {
                return m.path("value").asDouble();
            }
        }
        return 0;
    }

    private boolean serverUp() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Server CPU by thread group over the measured FastAGI rounds, in ticks, and the calls they served. */
    private final ThreadCpu serverThreads = new ThreadCpu();

    static final class ThreadCpu {
        private final Map<String, Long> ticks = new java.util.TreeMap<>();
        private int calls;

        void add(Result run) {
            run.serverThreadTicks().forEach((group, t) -> ticks.merge(group, t, Long::sum));
            calls += run.calls();
        }

        /** The thread groups that took most of the server's CPU, in ms per call. */
        String report() {
            if (calls == 0) {
                return "";
            }
            StringBuilder t = new StringBuilder("""

                    Server CPU per call by thread (FastAGI runs; kernel thread names, digits dropped):
                    | threads | CPU ms/call |
                    |---|---|
                    """);
            ticks.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                    .forEach(e -> t.append(String.format("| %s | %.2f |%n", e.getKey(),
                            e.getValue() * 1000.0 / TICKS_PER_SECOND / calls)));
            return t.toString();
        }
    }

    /** One thread's name, digits dropped (one pool, one group), and its CPU ticks so far. */
    record TaskTicks(String group, long ticks) {
    }

    /** CPU ticks of each of the process's threads, by thread id. */
    private static Map<Long, TaskTicks> threadTicks(long pid) throws IOException {
        Map<Long, TaskTicks> threads = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String group = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new TaskTicks(group, cpuTicks(task.resolve("stat"))));
                } catch (IOException gone) {
                    // the thread ended between listing and reading
                }
            }
        }
        return threads;
    }

    /**
     * The CPU each thread group took between two readings. A thread that ended in between took
     * its ticks with it (a pooled session thread idle for a minute ends): what the process took
     * beyond the threads still there is reported as {@link #ENDED_THREADS}.
     */
    static Map<String, Long> byThreadGroup(Map<Long, TaskTicks> before, Map<Long, TaskTicks> after, long processTicks) {
        Map<String, Long> groups = new HashMap<>();
        after.forEach((tid, now) -> {
            TaskTicks then = before.get(tid);
            long since = then != null && then.group().equals(now.group()) ? then.ticks() : 0;
            groups.merge(now.group(), now.ticks() - since, Long::sum);
        });
        long known = groups.values().stream().mapToLong(Long::longValue).sum();
        groups.put(ENDED_THREADS, Math.max(0, processTicks - known));
        return groups;
    }

    static final String ENDED_THREADS = "(threads that ended during the run)";

    private static long cpuTicks(long pid) throws IOException {
        return cpuTicks(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static long cpuTicks(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static long millis(Object amiTimestamp) {
        return amiTimestamp == null ? System.currentTimeMillis() : Math.round(((Number) amiTimestamp).doubleValue() * 1000);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static String capture(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private void stop() throws Exception {
        if (ami != null) {
            ami.logoff();
        }
        if (server != null) {
            server.destroy();
        }
        exec("bash", BASE.resolve("stack/stack.sh").toAbsolutePath().toString(), "stop", INSTANCE);
    }
}
