package io.phoenixspring.presence.support;

import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.pubsub.Subscriber;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A subscriber that keeps the payloads of the broadcasts of one event, in arrival order. */
public final class Events implements Subscriber {

    private final String event;
    private final List<Object> payloads = new CopyOnWriteArrayList<>();

    public Events(String event) {
        this.event = event;
    }

    @Override
    public void onMessage(String topic, Object message) {
        if (message instanceof Broadcast b && b.event().equals(event)) {
            payloads.add(b.payload());
        }
    }

    public List<Object> payloads() {
        return List.copyOf(payloads);
    }
}
