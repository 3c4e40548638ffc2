package io.podflow.api.functions;

import java.io.Serializable;

/** The base of every user function: serializable, because it travels inside the JobGraph to the TaskManagers. */
public interface Function extends Serializable {
}
