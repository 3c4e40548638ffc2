package io.podflow.api.runtime;

/** Marks in the mailbox that one input (or the source) has delivered everything. */
enum InputEnded {
    INSTANCE
}
