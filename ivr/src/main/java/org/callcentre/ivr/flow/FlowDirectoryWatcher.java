package org.callcentre.ivr.flow;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reloads the flows when a file in the flow directory is created, changed or deleted. One
 * virtual thread waits on the directory's watch service; a burst of events (an editor saving)
 * causes one reload per burst. A bad file leaves the flows in service (see {@link FlowCatalog}).
 */
final class FlowDirectoryWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FlowDirectoryWatcher.class);

    private final FlowCatalog catalog;
    private volatile WatchService watcher;
    private Thread thread;

    FlowDirectoryWatcher(FlowCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void start() {
        if (catalog.dir() == null) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            catalog.dir().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch flow directory " + catalog.dir() + ": " + e.getMessage(), e);
        }
        thread = Thread.ofVirtual().name("flow-watcher").start(this::watch);
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                // Drain the rest of the burst before reading, so a half-written file is read whole.
                WatchKey more;
                while ((more = watcher.poll(200, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                key.reset();
                if (catalog.reload().isEmpty()) {
                    log.info("Flows reloaded from {}", catalog.dir());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        }
    }

    @Override
    public void stop() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.warn("Closing the flow directory watcher failed: {}", e.getMessage());
            }
            watcher = null;
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }
}
