package org.callcentre.recording.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.index.CallDocument;
import org.callcentre.recording.index.ElasticsearchCallIndex;
import org.callcentre.recording.index.IndexedCall;
import org.callcentre.recording.stack.TestStack;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.Transcript;
import org.callcentre.recording.transcription.Utterance;
import org.callcentre.recording.transcription.VoskSpeechToText;
import org.callcentre.recording.transcription.WavAudio;
import org.callcentre.recording.transcription.Word;
import org.junit.jupiter.api.Test;

/**
 * The measurements of docs/benchmarks.md. Not part of the build (the name matches neither
 * surefire's nor failsafe's patterns); run it with
 * {@code mvn -B verify -pl recording -am -Dit.test=PipelineBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcallcentre.stack-instance=test3}.
 * It generates the corpus with recording/bench/corpus.sh, decodes every two-direction call with
 * raw Vosk (every sample) and with our transcription (voiced stretches only) in the same run,
 * then bulk-indexes synthetic calls into the real Elasticsearch. Results go to standard output
 * and to target/benchmarks/results.md.
 */
class PipelineBenchmark {

    private static final List<String> VARIANTS = List.of(System.getProperty("bench.variants",
            "clean,tel,noisy,tel-noisy").split(","));
    private static final boolean ONLY_TRANSCRIPTION = Boolean.getBoolean("bench.only-transcription");
    private static final int BULK_CALLS = Integer.getInteger("bench.bulk-calls", 5000);
    private static final int BULK_BATCH = Integer.getInteger("bench.bulk-batch", 500);

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        Path corpus = Path.of("target", "bench-corpus");
        run("bash", "bench/corpus.sh", corpus.toString());
        line("Measured %s on %d cores (%s).", java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        line("");
        try (VoskSpeechToText raw = new VoskSpeechToText(TestStack.voskModel(), false);
                VoskSpeechToText ours = new VoskSpeechToText(TestStack.voskModel(), true)) {
            double rawSeconds = transcription(corpus, raw, ours);
            if (!ONLY_TRANSCRIPTION) {
                throughput(corpus, ours, rawSeconds);
            }
        }
        if (!ONLY_TRANSCRIPTION) {
            bulkIndexing();
        }
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("results.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Returns the seconds raw Vosk took for the whole corpus on one thread. */
    private double transcription(Path corpus, VoskSpeechToText raw, VoskSpeechToText ours) throws Exception {
        List<Path> warmUp = calls(corpus.resolve("clean"));
        raw.transcribe(warmUp.getFirst().resolve("customer.wav"), Speaker.CUSTOMER);
        line("| variant | calls | audio (s) | raw Vosk (s) | ours (s) | ours / raw | raw WER | our WER |");
        line("|---|---|---|---|---|---|---|---|");
        double audioAll = 0, rawAll = 0, oursAll = 0;
        for (String variant : VARIANTS) {
            List<Path> calls = calls(corpus.resolve(variant));
            double audio = 0, rawSeconds = 0, ourSeconds = 0;
            WordErrorRate rawWer = new WordErrorRate(0, 0), ourWer = new WordErrorRate(0, 0);
            for (Path call : calls) {
                audio += WavAudio.read(call.resolve("customer.wav")).seconds();
                for (String direction : List.of("customer", "agent")) {
                    Path wav = call.resolve(direction + ".wav");
                    String reference = Files.readString(call.resolve(direction + ".txt"));
                    long t0 = System.nanoTime();
                    Transcript r = raw.transcribe(wav, Speaker.CUSTOMER);
                    long t1 = System.nanoTime();
                    Transcript o = ours.transcribe(wav, Speaker.CUSTOMER);
                    long t2 = System.nanoTime();
                    rawSeconds += (t1 - t0) / 1e9;
                    ourSeconds += (t2 - t1) / 1e9;
                    rawWer = rawWer.plus(WordErrorRate.of(reference, r.text()));
                    ourWer = ourWer.plus(WordErrorRate.of(reference, o.text()));
                }
            }
            line("| %s | %d | %.0f | %.1f | %.1f | %.2f | %.1f%% | %.1f%% |", variant, calls.size(), audio, rawSeconds,
                    ourSeconds, ourSeconds / rawSeconds, 100 * rawWer.rate(), 100 * ourWer.rate());
            audioAll += audio;
            rawAll += rawSeconds;
            oursAll += ourSeconds;
        }
        line("");
        line("Single worker, both directions of every call decoded: raw Vosk %.1f h of calls per hour, ours %.1f h "
                + "per hour; our speed-up over raw decoding %.2fx.", audioAll / rawAll, audioAll / oursAll,
                rawAll / oursAll);
        line("");
        return rawAll;
    }

    /** Our transcription with the pipeline's default pool (one worker per core) over the whole corpus. */
    private void throughput(Path corpus, VoskSpeechToText ours, double rawSeconds) throws Exception {
        List<Path> files = new ArrayList<>();
        double audio = 0;
        for (String variant : VARIANTS) {
            for (Path call : calls(corpus.resolve(variant))) {
                files.add(call.resolve("customer.wav"));
                files.add(call.resolve("agent.wav"));
                audio += WavAudio.read(call.resolve("customer.wav")).seconds();
            }
        }
        int workers = Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<Transcript>> done = new ArrayList<>();
            for (Path f : files) {
                done.add(pool.submit(() -> ours.transcribe(f, Speaker.CUSTOMER)));
            }
            for (Future<Transcript> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        line("Our pipeline (silence skipping, pool of %d workers = cores) over all %d calls (%.0f s of calls): "
                + "%.1f s, i.e. %.1f hours of calls transcribed per hour; %.2fx the throughput of raw Vosk decoding "
                + "of the same recordings on one thread (%.1f s) in this run. Load average at the end: %.2f.",
                workers, files.size() / 2, audio, seconds, audio / seconds, rawSeconds / seconds, rawSeconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line("");
    }

    private void bulkIndexing() throws Exception {
        URI es = TestStack.elasticsearch();
        String alias = "calls-bench-" + UUID.randomUUID();
        List<String> sentences = Files.readAllLines(Path.of("bench", "calls.txt")).stream()
                .filter(l -> l.length() > 2 && l.charAt(1) == '|').map(l -> l.substring(2)).toList();
        try (ElasticsearchCallIndex index = new ElasticsearchCallIndex(
                RecordingProperties.Index.of(es, alias, Duration.ofSeconds(60)))) {
            index.prepare();
            List<IndexedCall> calls = new ArrayList<>();
            for (int i = 0; i < BULK_CALLS; i++) {
                calls.add(syntheticCall(i, sentences));
            }
            long t0 = System.nanoTime();
            for (int from = 0; from < calls.size(); from += BULK_BATCH) {
                index.indexAll(calls.subList(from, Math.min(calls.size(), from + BULK_BATCH)));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long bytes = storeBytes(es, alias) + storeBytes(es, alias + "-utterances");
            int utterances = calls.stream().mapToInt(c -> c.utterances().size()).sum();
            line("Bulk indexing: %d calls (%d utterance documents) in batches of %d: %.1f s, %.0f calls/s. "
                    + "Index size after flush and merge: %.1f KiB per call (call and utterance documents).",
                    BULK_CALLS, utterances, BULK_BATCH, seconds, BULK_CALLS / seconds, bytes / 1024.0 / BULK_CALLS);
            http(es, "DELETE", "/" + alias + "-v1," + alias + "-utterances-v1");
        }
    }

    private static IndexedCall syntheticCall(int i, List<String> sentences) {
        List<Utterance> utterances = new ArrayList<>();
        double t = 1;
        for (int k = 0; k < 12; k++) {
            String text = sentences.get((i * 7 + k) % sentences.size()).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z ]", "");
            List<Word> words = new ArrayList<>();
            for (String w : text.split(" ")) {
                words.add(new Word(w, t, t + 0.3, 0.9));
                t += 0.35;
            }
            utterances.add(new Utterance(k % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER, words.getFirst().start(),
                    words.getLast().end(), text, words));
            t += 1;
        }
        String text = utterances.stream().map(Utterance::text).collect(Collectors.joining(" "));
        return new IndexedCall(new CallDocument("bench-" + i, "2026-01-05T10:00:00Z", "2026-01-05T10:03:00Z", 180,
                "ANSWERED", "queue", "returns-exchanges-repairs", "support", "agent" + (i % 50), "bench-" + i, null,
                text), utterances);
    }

    private static long storeBytes(URI es, String alias) throws Exception {
        http(es, "POST", "/" + alias + "/_flush");
        http(es, "POST", "/" + alias + "/_forcemerge?max_num_segments=1");
        String stats = http(es, "GET", "/" + alias + "/_stats/store");
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(stats).path("_all")
                .path("primaries").path("store").path("size_in_bytes").asLong();
    }

    private static String http(URI es, String method, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(es.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.body());
        }
        return r.body();
    }

    private static List<Path> calls(Path variant) throws IOException {
        try (Stream<Path> calls = Files.list(variant)) {
            return calls.sorted().toList();
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
