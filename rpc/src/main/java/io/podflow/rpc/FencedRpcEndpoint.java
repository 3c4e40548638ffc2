package io.podflow.rpc;

import java.util.Objects;

/**
 * An endpoint that serves only callers holding its current fencing token (typically the leader session id), so
 * messages meant for an earlier leader are refused with a {@link FencingTokenException}. A null token means
 * "not serving": every fenced call is refused.
 */
public abstract class FencedRpcEndpoint<F> extends RpcEndpoint {

    private final Class<F> fencingTokenType;
    private F fencingToken;

    protected FencedRpcEndpoint(RpcService rpcService, String endpointId, Class<F> fencingTokenType, F fencingToken) {
        super(rpcService, endpointId);
        rpcService.types().checkDeclared(fencingTokenType, "the fencing token of " + getClass().getName());
        this.fencingTokenType = fencingTokenType;
        this.fencingToken = fencingToken;
    }

    /** The current token; read it on the main thread. */
    public final F getFencingToken() {
        return fencingToken;
    }

    /** Replaces the token, e.g. on gaining or losing leadership; main thread only. */
    protected final void setFencingToken(F newToken) {
        validateRunsInMainThread();
        this.fencingToken = newToken;
    }

    final Class<F> fencingTokenType() {
        return fencingTokenType;
    }

    final void checkFencingToken(Object received, GatewayMethod method) {
        if (fencingToken == null || !Objects.equals(fencingToken, received)) {
            throw new FencingTokenException("Fencing token mismatch: expected " + fencingToken + ", got "
                    + (received == null ? "none" : received) + " (call " + method.description() + " to "
                    + getAddress() + " refused)");
        }
    }
}
