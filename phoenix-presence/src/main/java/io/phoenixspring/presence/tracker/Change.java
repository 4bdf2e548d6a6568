package io.phoenixspring.presence.tracker;

/** A presence that became visible ({@code join}) or stopped being visible on this replica. */
record Change(Tag tag, Entry entry, boolean join) {
}
