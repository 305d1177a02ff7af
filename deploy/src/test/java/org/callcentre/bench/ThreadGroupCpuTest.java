package org.callcentre.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.callcentre.bench.IvrBenchmark.TaskTicks;
import org.junit.jupiter.api.Test;

/** The benchmark's server CPU by thread group, from two readings of /proc/PID/task. */
class ThreadGroupCpuTest {

    @Test
    void aGroupCountsWhatItsThreadsTookBetweenTheReadingsAndEndedThreadsAreReportedApart() {
        Map<Long, TaskTicks> before = Map.of(
                1L, new TaskTicks("agi-#", 100),
                2L, new TaskTicks("agi-#", 900),      // ends during the run, taking its ticks with it
                3L, new TaskTicks("fastagi-accept", 10));
        Map<Long, TaskTicks> after = Map.of(
                1L, new TaskTicks("agi-#", 130),
                3L, new TaskTicks("fastagi-accept", 15),
                4L, new TaskTicks("agi-#", 20));      // started during the run

        Map<String, Long> groups = IvrBenchmark.byThreadGroup(before, after, 100);

        assertThat(groups).containsExactlyInAnyOrderEntriesOf(Map.of(
                "agi-#", 50L,
                "fastagi-accept", 5L,
                IvrBenchmark.ENDED_THREADS, 45L));
    }

    @Test
    void aThreadIdReusedByAnotherThreadCountsFromZero() {
        Map<Long, TaskTicks> before = Map.of(7L, new TaskTicks("agi-#", 500));
        Map<Long, TaskTicks> after = Map.of(7L, new TaskTicks("floor-tick", 3));

        assertThat(IvrBenchmark.byThreadGroup(before, after, 3)).containsEntry("floor-tick", 3L)
                .containsEntry(IvrBenchmark.ENDED_THREADS, 0L);
    }
}
