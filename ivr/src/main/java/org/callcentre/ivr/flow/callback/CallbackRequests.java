package org.callcentre.ivr.flow.callback;

/**
 * Where the IVR hands callback requests. {@link JdbcCallbackRequests} stores them as PENDING rows
 * of {@code callback_request}; the scheduler that places the calls (a later issue) implements or
 * reads this.
 *
 * <p>Called from a call's session thread; implementations must be thread-safe and durable once
 * {@link #request} returns, since the IVR then tells the caller the callback is booked.
 */
public interface CallbackRequests {

    void request(CallbackRequest request);
}
