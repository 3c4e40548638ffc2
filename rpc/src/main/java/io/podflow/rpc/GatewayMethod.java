package io.podflow.rpc;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Everything needed to send or serve one gateway method, worked out once: its wire signature, whether it is an
 * ask or a tell, codecs for its parameters and result, and a method handle to invoke it.
 */
final class GatewayMethod {

    private final String signature;
    private final String description;
    private final String resultDescription;
    private final boolean ask;
    private final int timeoutParameter;
    private final ValueCodec[] argumentCodecs;
    private final ValueCodec resultCodec;
    private final MethodHandle invoker;

    GatewayMethod(Method method, PayloadCodec codec, RpcTypeRegistry types) {
        this.signature = signatureOf(method);
        this.description = method.getDeclaringClass().getSimpleName() + "." + signature;
        this.resultDescription = "the result of " + description;
        this.ask = isAsk(method);
        this.timeoutParameter = timeoutParameterOf(method);
        Type[] parameters = method.getGenericParameterTypes();
        this.argumentCodecs = new ValueCodec[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            types.checkDeclared(parameters[i], "parameter " + (i + 1) + " of " + description);
            argumentCodecs[i] = ValueCodec.forType(parameters[i], codec);
        }
        Type result = ask ? resultTypeOf(method) : Void.class;
        types.checkDeclared(result, resultDescription);
        this.resultCodec = ValueCodec.forType(result, codec);
        this.invoker = invokerOf(method);
    }

    static String signatureOf(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static boolean isAsk(Method method) {
        if (method.getReturnType() == CompletableFuture.class) {
            return true;
        }
        if (method.getReturnType() == void.class) {
            return false;
        }
        throw new IllegalArgumentException("Gateway method " + method.getDeclaringClass().getName() + "."
                + method.getName() + " must return void (tell) or CompletableFuture (ask)");
    }

    private static Type resultTypeOf(Method method) {
        Type returned = method.getGenericReturnType();
        if (returned instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException("Gateway method " + method.getName() + " must say what its "
                + "CompletableFuture holds, e.g. CompletableFuture<Void>");
    }

    private static int timeoutParameterOf(Method method) {
        var annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (var annotation : annotations[i]) {
                if (annotation instanceof RpcTimeout) {
                    if (method.getParameterTypes()[i] != Duration.class) {
                        throw new IllegalArgumentException("@RpcTimeout parameter of " + method.getName()
                                + " must be a java.time.Duration");
                    }
                    return i;
                }
            }
        }
        return -1;
    }

    private static MethodHandle invokerOf(Method method) {
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            return handle.asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("Gateway method " + method + " cannot be invoked: " + e.getMessage(), e);
        }
    }

    Object invoke(Object endpoint, Object[] args) throws Throwable {
        return (Object) invoker.invokeExact(endpoint, args);
    }

    Duration timeout(Object[] args, Duration fallback) {
        if (timeoutParameter < 0 || args[timeoutParameter] == null) {
            return fallback;
        }
        return (Duration) args[timeoutParameter];
    }

    String signature() {
        return signature;
    }

    String description() {
        return description;
    }

    /** {@code the result of Gateway.method(...)} for error messages, built once instead of on every call. */
    String resultDescription() {
        return resultDescription;
    }

    boolean isAsk() {
        return ask;
    }

    ValueCodec[] argumentCodecs() {
        return argumentCodecs;
    }

    ValueCodec resultCodec() {
        return resultCodec;
    }
}
