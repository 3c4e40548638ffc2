package io.podflow.localkube.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that resolves {@link LocalKube}, its admin {@link KubernetesClient} and a fresh
 * {@link TestNamespace}. A namespace asked for by a test method lives for that test; one asked for in
 * a constructor or {@code @BeforeAll} lives for the class. Either is deleted when its scope ends.
 */
public final class LocalKubeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(LocalKubeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalKube.class || type == KubernetesClient.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        LocalKube localKube = LocalKube.get();
        if (type == LocalKube.class) {
            return localKube;
        }
        if (type == KubernetesClient.class) {
            return localKube.client();
        }
        return context.getStore(STORE)
                .getOrComputeIfAbsent(TestNamespace.class, key -> localKube.createNamespace(), TestNamespace.class);
    }
}
