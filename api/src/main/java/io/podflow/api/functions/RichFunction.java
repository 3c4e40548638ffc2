package io.podflow.api.functions;

/** A user function that wants to know where it runs, and to set up and release resources per subtask. */
public interface RichFunction extends Function {

    /** Called once per subtask before the first record. */
    default void open(RuntimeContext context) throws Exception {
    }

    /** Called once per subtask after the last record, also when the task fails. */
    default void close() throws Exception {
    }
}
