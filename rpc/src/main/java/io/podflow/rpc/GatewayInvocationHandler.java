package io.podflow.rpc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;

/** Behind every gateway proxy: turns a method call into an ask or a tell on a {@link CallRoute}. */
final class GatewayInvocationHandler implements InvocationHandler {

    private final RpcAddress address;
    private final Object fencingToken;
    private final Map<Method, GatewayMethod> methods;
    private final CallRoute route;
    private final Duration defaultTimeout;

    GatewayInvocationHandler(RpcAddress address, Object fencingToken, Map<Method, GatewayMethod> methods,
            CallRoute route, Duration defaultTimeout) {
        this.address = address;
        this.fencingToken = fencingToken;
        this.methods = methods;
        this.route = route;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        GatewayMethod rpcMethod = methods.get(method);
        Object[] arguments = args == null ? new Object[0] : args;
        if (rpcMethod != null) {
            if (rpcMethod.isAsk()) {
                return route.ask(rpcMethod, arguments, fencingToken, rpcMethod.timeout(arguments, defaultTimeout));
            }
            route.tell(rpcMethod, arguments, fencingToken);
            return null;
        }
        return switch (method.getName()) {
            case "getAddress" -> address.toString();
            case "getFencingToken" -> fencingToken;
            case "toString" -> "Gateway(" + address + ")";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == arguments[0];
            default -> unsupported(method);
        };
    }

    private static Object unsupported(Method method) {
        throw new UnsupportedOperationException("Gateway method " + method + " is not an RPC method");
    }
}
