package io.phoenixspring.live.view;

/**
 * The state of an async assign (Phoenix.LiveView.AsyncResult): loading, ok with a result, or failed
 * with a reason. {@link LiveSocket#assignAsync} puts one in each of its assigns; the built-in
 * {@code <.async_result>} component renders its slots from it. Templates read it as Phoenix's struct:
 * {@code @org.ok?}, {@code @org.loading}, {@code @org.failed}, {@code @org.result}.
 *
 * <pre>{@code
 * socket.assignAsync("org", () -> orgs.fetch(slug));                     // @org: AsyncResult.loading()…
 * socket.assign("org", AsyncResult.LOADING);                             // …or set by hand
 * AsyncResult done = current.withResult(org);                            // ok? true, loading and failed cleared
 * }</pre>
 *
 * @param ok whether a result was set successfully at least once ({@code ok?}); stays true while a
 *     later load runs or fails, so the last result can still be shown
 * @param loading the loading state: {@code true}, the list of keys {@code assignAsync} is loading, or
 *     any value of yours; null when not loading
 * @param failed why the last load failed: the exception its work threw, a {@link java.util.concurrent.CancellationException}
 *     for {@link LiveSocket#cancelAsync}, or any value of yours; null when not failed
 * @param result the last successful result
 */
public record AsyncResult(boolean ok, Object loading, Object failed, Object result) {

    /** Loading, with no result yet ({@code AsyncResult.loading()}). */
    public static final AsyncResult LOADING = new AsyncResult(false, true, null, null);

    /** Loading with a state of yours, no result yet ({@code AsyncResult.loading(state)}). */
    public static AsyncResult loading(Object state) {
        return new AsyncResult(false, state, null, null);
    }

    /** A successful result ({@code AsyncResult.ok(value)}). */
    public static AsyncResult ok(Object value) {
        return new AsyncResult(true, null, null, value);
    }

    /** Failed, with no result ({@code AsyncResult.failed(%AsyncResult{}, reason)}). */
    public static AsyncResult failed(Object reason) {
        return new AsyncResult(false, null, reason, null);
    }

    /** This one loading again with {@code state}; a previous result is kept, a failure cleared ({@code loading/2}). */
    public AsyncResult withLoading(Object state) {
        return new AsyncResult(ok, state, null, result);
    }

    /** This one with a successful result: ok, neither loading nor failed ({@code ok/2}). */
    public AsyncResult withResult(Object value) {
        return new AsyncResult(true, null, null, value);
    }

    /** This one failed for {@code reason}, no longer loading; a previous result is kept ({@code failed/2}). */
    public AsyncResult withFailure(Object reason) {
        return new AsyncResult(ok, null, reason, result);
    }
}
