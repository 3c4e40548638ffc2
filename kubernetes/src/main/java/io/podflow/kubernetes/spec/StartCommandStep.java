package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The entrypoint script, the mode it starts ({@code kubernetes-jobmanager}, ...) and {@code -D} properties. */
public record StartCommandStep(String entryPath, String mode, Map<String, String> dynamicProperties)
        implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        List<String> args = new ArrayList<>();
        args.add(mode);
        dynamicProperties.forEach((key, value) -> args.add("-D" + key + "=" + value));
        return draft.withContainer(new ContainerBuilder(draft.container()).withCommand(entryPath).withArgs(args)
                .build());
    }
}
