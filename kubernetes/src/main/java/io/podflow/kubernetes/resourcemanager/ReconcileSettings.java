package io.podflow.kubernetes.resourcemanager;

import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import java.time.Duration;
import java.time.Instant;

/**
 * What the reconcile step needs besides the state: this JobManager attempt, its timeouts and start-failure limits.
 *
 * @param attempt this JobManager's attempt number; pods of lower attempts belong to a previous JobManager
 * @param previousAttemptDeadline until when unregistered live pods of previous attempts are awaited
 */
public record ReconcileSettings(KubernetesObjectNames names, int attempt, Duration registrationTimeout,
        Duration idleTimeout, double maxFailuresPerMinute, Duration retryInterval, Instant previousAttemptDeadline) {

    public static ReconcileSettings from(Configuration config, KubernetesObjectNames names, int attempt,
            Instant startedAt) {
        return new ReconcileSettings(names, attempt,
                config.get(ResourceManagerOptions.TASKMANAGER_REGISTRATION_TIMEOUT),
                config.get(ResourceManagerOptions.TASKMANAGER_TIMEOUT),
                config.get(ResourceManagerOptions.START_WORKER_MAX_FAILURE_RATE),
                config.get(ResourceManagerOptions.START_WORKER_RETRY_INTERVAL),
                startedAt.plus(config.get(ResourceManagerOptions.PREVIOUS_WORKER_RECOVERY_TIMEOUT)));
    }
}
