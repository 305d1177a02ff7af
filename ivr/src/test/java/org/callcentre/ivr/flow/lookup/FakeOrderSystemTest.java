package org.callcentre.ivr.flow.lookup;

/** The flow tests' stand-in order system keeps the same contract as the real adapter. */
class FakeOrderSystemTest implements CallerLookupContract {

    @Override
    public CallerLookup knowingOneCustomer() {
        return new FakeOrderSystem().knows(KNOWN_NUMBER.value(), KNOWN);
    }

    @Override
    public CallerLookup withOrderSystemDown() {
        return new FakeOrderSystem().down();
    }
}
