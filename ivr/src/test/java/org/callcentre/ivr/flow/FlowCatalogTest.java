package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Flows from the classpath and the flow directory: start-up, reload, and the file watch. */
@ExtendWith(OutputCaptureExtension.class)
class FlowCatalogTest {

    private static final String SALES_LINE = """
            flow: sales-line
            start: hello
            nodes:
              - {id: hello, kind: play, prompt: welcome, next: queue}
              - {id: queue, kind: queue, queue: sales, skill: pre-sale}
            """;
    private static final String BROKEN = """
            flow: sales-line
            start: hello
            nodes:
              - {id: hello, kind: play, prompt: welcome, next: gone}
            """;

    @TempDir
    Path dir;

    @Test
    void flowFilesInTheDirectoryAreServedBesideTheDefaultFlow() throws IOException {
        Files.writeString(dir.resolve("sales.yaml"), SALES_LINE);
        Files.writeString(dir.resolve("notes.txt"), "not a flow");
        FlowCatalog catalog = new FlowCatalog(dir, "hotline");

        catalog.load();

        assertThat(catalog.flow("sales-line")).isPresent();
        assertThat(catalog.defaultFlow().source()).isEqualTo("classpath:flows/hotline.yaml");
    }

    @Test
    void aFileNamedLikeTheDefaultFlowReplacesIt() throws IOException {
        Files.writeString(dir.resolve("hotline.yaml"), SALES_LINE.replace("sales-line", "hotline"));
        FlowCatalog catalog = new FlowCatalog(dir, "hotline");

        catalog.load();

        assertThat(catalog.defaultFlow().source()).isEqualTo(dir.resolve("hotline.yaml").toString());
    }

    @Test
    void badFileStopsStartUpNamingFileAndNode() throws IOException {
        Files.writeString(dir.resolve("sales.yaml"), BROKEN);
        FlowCatalog catalog = new FlowCatalog(dir, "hotline");

        assertThatThrownBy(catalog::load).isInstanceOf(FlowDefinitionException.class)
                .hasMessage("flow file '" + dir.resolve("sales.yaml") + "', node 'hello': leads to 'gone', "
                        + "which is not a node of this flow");
    }

    @Test
    void twoFilesDefiningOneFlowAreRefused() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), SALES_LINE);
        Files.writeString(dir.resolve("b.yaml"), SALES_LINE);

        assertThatThrownBy(new FlowCatalog(dir, "hotline")::load)
                .hasMessageContaining("flow 'sales-line' is also defined in " + dir.resolve("a.yaml"));
    }

    @Test
    void flowDirectoryThatDoesNotExistStopsStartUp() {
        assertThatThrownBy(new FlowCatalog(dir.resolve("missing"), "hotline")::load)
                .hasMessageContaining("is not a directory (callcentre.ivr.flows.dir)");
    }

    @Test
    void missingDefaultFlowStopsStartUp() {
        assertThatThrownBy(new FlowCatalog(dir, "no-such-flow")::load)
                .hasMessageContaining("the default flow 'no-such-flow'");
    }

    @Test
    void badFileOnReloadIsLoggedAndTheRunningFlowsStayInService(CapturedOutput output) throws IOException {
        Files.writeString(dir.resolve("sales.yaml"), SALES_LINE);
        FlowCatalog catalog = new FlowCatalog(dir, "hotline");
        catalog.load();
        FlowDefinition running = catalog.flow("sales-line").orElseThrow();

        Files.writeString(dir.resolve("sales.yaml"), BROKEN);

        assertThat(catalog.reload()).get().extracting(FlowDefinitionException::node).isEqualTo("hello");
        assertThat(catalog.flow("sales-line")).containsSame(running);
        assertThat(output.getOut()).contains("Flow reload refused, the flows in service are unchanged: flow file '"
                + dir.resolve("sales.yaml") + "', node 'hello'");
    }

    @Test
    void changedFilesAreReloadedByTheWatcher(CapturedOutput output) throws IOException {
        FlowCatalog catalog = new FlowCatalog(dir, "hotline");
        catalog.load();
        FlowDirectoryWatcher watcher = new FlowDirectoryWatcher(catalog);
        watcher.start();
        try {
            Files.writeString(dir.resolve("sales.yaml"), SALES_LINE);
            await().atMost(Duration.ofSeconds(20)).until(() -> catalog.flow("sales-line").isPresent());

            Files.writeString(dir.resolve("sales.yaml"), BROKEN);
            await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains("Flow reload refused"));
            assertThat(catalog.flow("sales-line")).isPresent();
        } finally {
            watcher.stop();
        }
    }
}
