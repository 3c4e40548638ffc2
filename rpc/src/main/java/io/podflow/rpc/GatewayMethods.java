package io.podflow.rpc;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Builds and caches the {@link GatewayMethod}s of gateway interfaces and of endpoint classes. */
final class GatewayMethods {

    private final PayloadCodec codec;
    private final RpcTypeRegistry types;
    private final Map<Method, GatewayMethod> byMethod = new ConcurrentHashMap<>();
    private final Map<Class<?>, Map<Method, GatewayMethod>> byGateway = new ConcurrentHashMap<>();
    private final Map<Class<?>, Map<String, GatewayMethod>> byEndpoint = new ConcurrentHashMap<>();

    GatewayMethods(PayloadCodec codec, RpcTypeRegistry types) {
        this.codec = codec;
        this.types = types;
    }

    /** The RPC methods of a gateway interface, keyed by the {@link Method} a proxy is invoked with. */
    Map<Method, GatewayMethod> ofGateway(Class<?> gateway) {
        if (!gateway.isInterface() || !RpcGateway.class.isAssignableFrom(gateway)) {
            throw new IllegalArgumentException(gateway.getName() + " is not an interface extending RpcGateway");
        }
        return byGateway.computeIfAbsent(gateway, type -> {
            Map<Method, GatewayMethod> methods = new HashMap<>();
            for (Method method : type.getMethods()) {
                if (isRpcMethod(method)) {
                    methods.put(method, of(method));
                }
            }
            return Map.copyOf(methods);
        });
    }

    /** The RPC methods an endpoint serves (those of every gateway interface it implements), by wire signature. */
    Map<String, GatewayMethod> ofEndpoint(Class<?> endpoint) {
        return byEndpoint.computeIfAbsent(endpoint, type -> {
            Map<String, GatewayMethod> methods = new HashMap<>();
            for (Class<?> gateway : gatewaysOf(type)) {
                for (GatewayMethod method : ofGateway(gateway).values()) {
                    methods.putIfAbsent(method.signature(), method);
                }
            }
            return Map.copyOf(methods);
        });
    }

    private GatewayMethod of(Method method) {
        return byMethod.computeIfAbsent(method, m -> new GatewayMethod(m, codec, types));
    }

    private static boolean isRpcMethod(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        return declaring != RpcGateway.class && declaring != FencedRpcGateway.class && declaring != Object.class
                && !method.isDefault() && !java.lang.reflect.Modifier.isStatic(method.getModifiers());
    }

    private static Set<Class<?>> gatewaysOf(Class<?> endpoint) {
        Set<Class<?>> gateways = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> type = endpoint; type != null; type = type.getSuperclass()) {
            pending.addAll(java.util.List.of(type.getInterfaces()));
        }
        while (!pending.isEmpty()) {
            Class<?> next = pending.pop();
            if (RpcGateway.class.isAssignableFrom(next) && next != RpcGateway.class
                    && next != FencedRpcGateway.class && gateways.add(next)) {
                pending.addAll(java.util.List.of(next.getInterfaces()));
            }
        }
        return gateways;
    }
}
