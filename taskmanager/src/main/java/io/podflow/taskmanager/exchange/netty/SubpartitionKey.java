package io.podflow.taskmanager.exchange.netty;

import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;

/** Names the records one producer subtask sends on one edge to one consumer subtask. */
record SubpartitionKey(JobID jobId, JobVertexID producerVertex, int producerSubtask, JobVertexID consumerVertex,
        int consumerSubtask) {

    @Override
    public String toString() {
        return "job " + jobId + " " + producerVertex + "[" + producerSubtask + "] -> " + consumerVertex + "["
                + consumerSubtask + "]";
    }
}
