package io.phoenixspring.presence.tracker;

/**
 * A dot of the CRDT: the replica that created a presence and that replica's clock at the time.
 * Only the replica named here ever adds or removes the presence it tags.
 */
record Tag(String replica, long clock) implements Comparable<Tag> {

    @Override
    public int compareTo(Tag other) {
        int byReplica = replica.compareTo(other.replica);
        return byReplica != 0 ? byReplica : Long.compare(clock, other.clock);
    }
}
