package io.phoenixspring.test.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The controllers' collaborator: a plain component, not part of the slice unless a test names it. */
@Component
public class Notes {
    private final Map<Integer, String> notes = new ConcurrentSkipListMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public String add(String body) {
        int id = ids.incrementAndGet();
        notes.put(id, body);
        return String.valueOf(id);
    }

    public String find(String id) {
        try {
            return notes.get(Integer.parseInt(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public List<String> all() {
        return List.copyOf(notes.values());
    }
}
