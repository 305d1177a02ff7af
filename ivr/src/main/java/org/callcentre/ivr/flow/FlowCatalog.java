package org.callcentre.ivr.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows in service: the default flow from the classpath plus every {@code *.yaml} of the
 * flow directory, all validated together. {@link #load()} at start-up throws on a bad file (the
 * server does not start); {@link #reload()} logs the bad file and keeps the flows in service.
 * Thread-safe: calls read the current set without locking; a reload swaps it whole.
 */
public final class FlowCatalog {

    private static final Logger log = LoggerFactory.getLogger(FlowCatalog.class);
    static final String DEFAULT_RESOURCE = "flows/hotline.yaml";

    private final FlowParser parser = new FlowParser();
    private final Path dir;
    private final String defaultFlow;
    private final AtomicReference<Map<String, FlowDefinition>> flows = new AtomicReference<>(Map.of());

    /**
     * @param dir         the directory of extra flow files, or null for the built-in flow only
     * @param defaultFlow the flow calls run unless they ask for another; it must always exist
     */
    FlowCatalog(Path dir, String defaultFlow) {
        this.dir = dir;
        this.defaultFlow = defaultFlow;
    }

    Path dir() {
        return dir;
    }

    /** Loads and validates all flows; throws {@link FlowDefinitionException} naming the bad file. */
    void load() {
        flows.set(readAll());
        log.info("IVR flows in service: {}", flows.get().keySet());
    }

    /** Re-reads all flows; on any bad file the flows in service stay as they were. */
    Optional<FlowDefinitionException> reload() {
        try {
            load();
            return Optional.empty();
        } catch (FlowDefinitionException e) {
            log.error("Flow reload refused, the flows in service are unchanged: {}", e.getMessage());
            return Optional.of(e);
        }
    }

    Optional<FlowDefinition> flow(String name) {
        return Optional.ofNullable(flows.get().get(name));
    }

    FlowDefinition defaultFlow() {
        return flows.get().get(defaultFlow);
    }

    private Map<String, FlowDefinition> readAll() {
        Map<String, FlowDefinition> all = new HashMap<>();
        try (InputStream in = FlowCatalog.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            FlowDefinition builtIn = parser.parse("classpath:" + DEFAULT_RESOURCE, in);
            all.put(builtIn.name(), builtIn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> fromDir = new HashMap<>();
        for (Path file : files()) {
            FlowDefinition flow;
            try {
                flow = parser.parse(file.toString(), Files.newInputStream(file));
            } catch (IOException e) {
                throw new FlowDefinitionException(file.toString(), "(flow)", "cannot be read: " + e.getMessage());
            }
            String other = fromDir.put(flow.name(), file.toString());
            if (other != null) {
                throw new FlowDefinitionException(file.toString(), "(flow)",
                        "flow '" + flow.name() + "' is also defined in " + other);
            }
            all.put(flow.name(), flow);  // a file may replace the built-in flow of the same name
        }
        if (!all.containsKey(defaultFlow)) {
            throw new FlowDefinitionException(dir == null ? "classpath:" + DEFAULT_RESOURCE : dir.toString(), "(flow)",
                    "the default flow '" + defaultFlow + "' (callcentre.ivr.flows.default-flow) is not defined");
        }
        return Map.copyOf(all);
    }

    private List<Path> files() {
        if (dir == null) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new FlowDefinitionException(dir.toString(), "(flow)",
                    "is not a directory (callcentre.ivr.flows.dir)");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new FlowDefinitionException(dir.toString(), "(flow)", "directory cannot be listed: "
                    + e.getMessage());
        }
    }
}
