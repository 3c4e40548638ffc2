package io.podflow.api.graph;

import io.podflow.api.functions.KeySelector;
import io.podflow.protocol.job.Partitioning;

/** A resolved connection between two operators, after partitioning and union steps were folded in. */
record StreamEdge(OperatorTransformation source, OperatorTransformation target, Partitioning partitioning,
        KeySelector<Object, Object> keySelector) {
}
