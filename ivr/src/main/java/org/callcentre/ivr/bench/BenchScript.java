package org.callcentre.ivr.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callcentre.ivr.flow.AgiCallChannel;
import org.callcentre.ivr.flow.CallerHungUp;

/**
 * The benchmark menu, {@code agi://.../bench}: answer, a menu prompt read with one key, the next
 * prompt, hang up; the same as the [bench-native] dialplan it is compared with. Runs through the
 * production {@link AgiCallChannel}. Records server time from session start to the first prompt
 * command (answer and the linkedid look-up included) and from the key's reply to the next prompt's
 * command. Enabled only with {@code callcentre.ivr.bench.enabled=true}.
 */
public final class BenchScript implements AgiScript {

    private final String promptDir;
    private final Timer firstPrompt;
    private final Timer keyToPrompt;
    private final Counter completed;

    public BenchScript(String promptDir, MeterRegistry meters) {
        this.promptDir = promptDir;
        this.firstPrompt = Timer.builder("callcentre.ivr.bench.first.prompt").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.keyToPrompt = Timer.builder("callcentre.ivr.bench.key.to.prompt").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.completed = Counter.builder("callcentre.ivr.bench.completed").register(meters);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        long start = System.nanoTime();
        AgiCallChannel call = new AgiCallChannel(request, channel, promptDir + "/en", "");
        // AGI(agi://host/bench,<seconds>): an AGI argument, not a query parameter of the URL
        String[] args = request.getArguments();
        Duration timeout = Duration.ofSeconds(parse(args == null || args.length == 0 ? null : args[0], 5));
        try {
            call.answer();
            firstPrompt.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            Optional<Character> key = call.playAndReadKey("invalid", "0123456789", timeout);
            if (key.isPresent()) {
                long keyAt = System.nanoTime();
                keyToPrompt.record(System.nanoTime() - keyAt, TimeUnit.NANOSECONDS);
                call.play("goodbye");
                completed.increment();
            }
        } catch (CallerHungUp hungUp) {
            // an outcome: the caller left
        }
    }

    private static long parse(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
