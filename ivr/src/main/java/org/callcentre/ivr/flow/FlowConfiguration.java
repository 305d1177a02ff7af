package org.callcentre.ivr.flow;

import java.time.Clock;
import java.util.List;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.SurgeLevel;
import org.callcentre.ivr.floor.FloorModel;
import org.callcentre.ivr.queue.QueueCatalog;
import org.callcentre.ivr.flow.callback.CallbackRequests;
import org.callcentre.ivr.flow.callback.JdbcCallbackRequests;
import org.callcentre.ivr.flow.lookup.CallerLookup;
import org.callcentre.ivr.flow.lookup.HttpCallerLookup;
import org.callcentre.ivr.flow.lookup.NoOrderSystem;
import org.callcentre.ivr.journey.CallJourneys;
import org.callcentre.ivr.journey.LiveJourneys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the flow engine: the flows (validated here, so a bad flow file stops start-up with its
 * file, node and reason), the node handlers, and the ports they use: the order system over HTTP
 * when {@code callcentre.ivr.order-system.url} is set, and callback requests stored in a table
 * until the callback scheduler (a later issue) replaces {@link #callbackRequests}.
 */
@Configuration(proxyBeanMethods = false)
public class FlowConfiguration {

    @Bean
    FlowCatalog flowCatalog(IvrProperties ivr) {
        FlowCatalog catalog = new FlowCatalog(ivr.flows().dir(), ivr.flows().defaultFlow());
        catalog.load();
        return catalog;
    }

    @Bean
    FlowDirectoryWatcher flowDirectoryWatcher(FlowCatalog catalog) {
        return new FlowDirectoryWatcher(catalog);
    }

    @Bean
    CallerLookup callerLookup(IvrProperties ivr) {
        IvrProperties.OrderSystem orders = ivr.orderSystem();
        return orders.url() == null ? new NoOrderSystem() : new HttpCallerLookup(orders.url(), orders.timeout());
    }

    @Bean
    CallbackRequests callbackRequests(JdbcClient jdbc) {
        return new JdbcCallbackRequests(jdbc);
    }

    @Bean
    HotlineScript hotlineScript(IvrProperties ivr, FlowCatalog catalog, CallerLookup lookup,
            CallbackRequests callbacks, CallJourneys journeys, LiveJourneys live, Clock clock,
            ObjectProvider<FloorModel> floor, QueueCatalog queues) {
        FloorModel model = floor.getIfAvailable();
        NodeHandlers handlers = handlers(ivr.recording(), new BusinessCalendar(clock, ivr.hours()), lookup, callbacks,
                clock, model == null ? () -> SurgeLevel.NONE : () -> model.snapshot().surge(), queues::maxWait);
        FlowEngine engine = new FlowEngine(handlers, ivr.flows().maxSteps(), ivr.recording());
        return new HotlineScript(engine, catalog, journeys, live, clock, ivr.promptDir(),
                ivr.recording().asteriskDir());
    }

    /**
     * One handler per node kind (NodeHandlers refuses a kind without one).
     *
     * @param surge          the floor's current surge level (callbacks are offered before queueing at level 2+)
     * @param maxWaitOfQueue a queue's configured max wait, for queue nodes without their own
     */
    static NodeHandlers handlers(IvrProperties.Recording recording, BusinessCalendar calendar, CallerLookup lookup,
            CallbackRequests callbacks, Clock clock, java.util.function.Supplier<SurgeLevel> surge,
            java.util.function.Function<String, java.time.Duration> maxWaitOfQueue) {
        return new NodeHandlers(List.of(
                new PlayHandler(),
                new MenuHandler(),
                new LanguageHandler(),
                new HoursHandler(calendar),
                new LookupHandler(lookup, clock),
                new OrderStatusHandler(),
                new QueueHandler(recording, surge, maxWaitOfQueue),
                new CallbackHandler(callbacks, clock),
                new VoicemailHandler(recording),
                new TransferHandler(),
                new HangupHandler()));
    }
}
