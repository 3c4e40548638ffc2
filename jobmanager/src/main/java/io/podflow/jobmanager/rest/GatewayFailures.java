package io.podflow.jobmanager.rest;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.podflow.protocol.job.DuplicateJobException;
import io.podflow.protocol.job.InvalidJobGraphException;
import io.podflow.protocol.job.UnknownJobException;
import io.podflow.rpc.RemoteRpcException;
import io.podflow.rpc.RpcConnectionException;
import io.podflow.rpc.RpcEndpointNotFoundException;
import io.podflow.rpc.RpcTimeoutException;

import java.util.Map;
import java.util.Optional;

/**
 * Turns the failures the cluster's gateways document into the status a REST caller should see. They arrive as
 * themselves from an in-process endpoint and as a {@link RemoteRpcException} naming their class over RPC. An
 * endpoint that does not answer in time or cannot be reached makes the cluster unavailable (503), not broken.
 */
final class GatewayFailures {

    private static final Map<String, HttpResponseStatus> STATUS_BY_TYPE = Map.of(
            UnknownJobException.class.getName(), HttpResponseStatus.NOT_FOUND,
            DuplicateJobException.class.getName(), HttpResponseStatus.CONFLICT,
            InvalidJobGraphException.class.getName(), HttpResponseStatus.BAD_REQUEST);

    private GatewayFailures() {
    }

    static Optional<RestException> toRest(Throwable error) {
        if (error instanceof RpcTimeoutException || error instanceof RpcConnectionException
                || error instanceof RpcEndpointNotFoundException) {
            return Optional.of(new RestException(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "The cluster did not answer: " + error.getMessage()));
        }
        if (error instanceof RemoteRpcException remote) {
            return Optional.ofNullable(STATUS_BY_TYPE.get(remote.remoteClassName()))
                    .map(status -> new RestException(status, remote.remoteMessage()));
        }
        return Optional.ofNullable(STATUS_BY_TYPE.get(error.getClass().getName()))
                .map(status -> new RestException(status, error.getMessage()));
    }
}
