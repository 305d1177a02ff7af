package org.callcentre.ivr.flow;

import java.util.Optional;
import org.callcentre.ivr.flow.lookup.Customer;
import org.callcentre.ivr.journey.JourneyTracker;

/**
 * The state of one call while its flow runs: the channel, the journey, the language chosen and
 * what a lookup found. Confined to the call's session thread.
 */
final class CallSession {

    private final CallChannel channel;
    private final JourneyTracker journey;
    private Language language;
    private Customer customer;
    private boolean surgeOfferMade;
    private String surgeQueueNode;
    private boolean ivrPartRecording;

    CallSession(CallChannel channel, JourneyTracker journey, Language language) {
        this.channel = channel;
        this.journey = journey;
        this.language = language;
    }

    CallChannel channel() {
        return channel;
    }

    JourneyTracker journey() {
        return journey;
    }

    Language language() {
        return language;
    }

    void language(Language language) {
        this.language = language;
        journey.language(language.code());
    }

    /** A prompt of the caller's language, as the channel plays it: {@code en/welcome}. */
    String prompt(String name) {
        return language.code() + "/" + name;
    }

    void play(String promptName) throws CallerHungUp {
        channel.play(prompt(promptName));
    }

    /** Starts recording the IVR part of the call (from answer until the caller leaves the IVR). */
    void recordIvrPart(String fileName) throws CallerHungUp {
        channel.startIvrRecording(fileName);
        ivrPartRecording = true;
        journey.ivrRecording(fileName);
    }

    /**
     * The caller is about to be handed to a queue or an extension: the IVR part of the recording,
     * if one is running, ends here, before any conversation recording starts.
     */
    void leavingIvr() throws CallerHungUp {
        if (ivrPartRecording) {
            ivrPartRecording = false;
            channel.stopIvrRecording();
        }
    }

    Optional<Customer> customer() {
        return Optional.ofNullable(customer);
    }

    void customer(Customer customer) {
        this.customer = customer;
    }

    /**
     * At a surge, a caller about to queue is offered a callback once per call; remembers which
     * queue node to return to if they decline. False when the offer was already made.
     */
    boolean offerCallbackForSurge(String queueNodeId) {
        if (surgeOfferMade) {
            return false;
        }
        surgeOfferMade = true;
        surgeQueueNode = queueNodeId;
        return true;
    }

    /** The queue node a caller who declined the surge callback offer goes back to, if any. */
    java.util.Optional<String> declinedSurgeOffer() {
        String node = surgeQueueNode;
        surgeQueueNode = null;
        return java.util.Optional.ofNullable(node);
    }
}
