package io.podflow.protocol;

import io.podflow.rpc.RpcTypeRegistry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every type reachable from the four gateways' signatures is allow-listed, or connecting would fail at runtime. */
class ProtocolTypesTest {

    private final RpcTypeRegistry registry = new RpcTypeRegistry().register(ProtocolTypes.all());

    @Test
    void everyTypeInEveryGatewaySignatureIsRegistered() {
        List<String> missing = new ArrayList<>();
        Set<Type> seen = new HashSet<>();
        for (Class<?> gateway : List.of(ResourceManagerGateway.class, TaskExecutorGateway.class,
                JobMasterGateway.class, DispatcherGateway.class)) {
            for (Method method : gateway.getDeclaredMethods()) {
                if (method.isSynthetic() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                for (Type parameter : method.getGenericParameterTypes()) {
                    collectMissing(parameter, seen, missing, gateway.getSimpleName() + "." + method.getName());
                }
                collectMissing(method.getGenericReturnType(), seen, missing,
                        gateway.getSimpleName() + "." + method.getName());
            }
        }
        assertEquals(List.of(), missing);
    }

    private void collectMissing(Type type, Set<Type> seen, List<String> missing, String where) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            if (parameterized.getRawType() != CompletableFuture.class) {
                collectMissing(parameterized.getRawType(), seen, missing, where);
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectMissing(argument, seen, missing, where);
            }
        } else if (type instanceof Class<?> raw && raw != void.class) {
            if (!registry.isAllowed(raw)) {
                missing.add(raw.getName() + " (in " + where + ")");
            }
            if (raw.isRecord()) {
                for (RecordComponent component : raw.getRecordComponents()) {
                    collectMissing(component.getGenericType(), seen, missing, where + " -> " + raw.getSimpleName());
                }
            }
        }
    }
}
