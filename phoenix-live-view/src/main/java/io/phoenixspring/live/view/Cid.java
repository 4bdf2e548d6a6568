package io.phoenixspring.live.view;

/**
 * A live component's id in its view (Phoenix.LiveComponent.CID): {@code @myself} in its template,
 * rendered as the number ({@code phx-target={@myself}} → {@code phx-target="1"}), and a target for
 * {@link LiveSocket#sendUpdate(Cid, java.util.Map)}.
 *
 * <pre>{@code
 * Cid myself = socket.get("myself");
 * }</pre>
 */
public record Cid(int cid) {

    @Override
    public String toString() {
        return Integer.toString(cid);
    }
}
