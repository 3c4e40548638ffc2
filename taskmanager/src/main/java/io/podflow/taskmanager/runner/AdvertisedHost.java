package io.podflow.taskmanager.runner;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.TaskManagerOptions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/** Picks the host a TaskManager tells others to reach it at: {@code taskmanager.host}, the pod IP, or this host. */
final class AdvertisedHost {

    /** Set by the TaskManager pod spec from the pod's status.podIP. */
    static final String POD_IP_ENV = "POD_IP";

    private AdvertisedHost() {
    }

    static String of(Configuration config, Map<String, String> env) {
        String configured = config.get(TaskManagerOptions.HOST);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String podIp = env.get(POD_IP_ENV);
        if (podIp != null && !podIp.isBlank()) {
            return podIp.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalConfigurationException("Cannot find this host's address (" + e.getMessage() + "); set "
                    + TaskManagerOptions.HOST.key() + " to the address other processes reach this TaskManager at");
        }
    }
}
