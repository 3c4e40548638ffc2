package io.podflow.common.memory;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.common.config.IllegalConfigurationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the JVM memory flags of a JobManager or TaskManager for bin/config.sh, from the same configuration the
 * process will read: {@code flink-conf.yaml} in the configuration directory and the {@code -D} arguments it is
 * started with. Usage: {@code JvmMemoryFlags (jobmanager|taskmanager) [process arguments...]}. The flags come on
 * one line after {@link #PREFIX}, so nothing else a JVM may print is taken for a flag; a configuration that does
 * not fit is one line on stderr and exit code 1.
 */
public final class JvmMemoryFlags {

    public static final String PREFIX = "jvm-memory-flags: ";

    private JvmMemoryFlags() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 0) {
                throw new IllegalConfigurationException("usage: JvmMemoryFlags (jobmanager|taskmanager) [args...]");
            }
            List<String> processArguments = List.of(args).subList(1, args.length);
            // the process itself reports unknown and deprecated keys; saying so here too would say it twice
            Configuration config = ConfigurationLoader.loadFromEnvironment(
                    ConfigurationLoader.parseDynamicProperties(dynamicProperties(processArguments)), warning -> { });
            System.out.println(PREFIX + String.join(" ", of(args[0], config).jvmArguments()));
        } catch (IllegalConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** The memory of a process of the role ({@code jobmanager} or {@code taskmanager}). */
    static JvmMemory of(String role, Configuration config) {
        return switch (role) {
            case "jobmanager" -> JobManagerMemory.of(config);
            case "taskmanager" -> TaskManagerMemory.of(config);
            default -> throw new IllegalConfigurationException("No JVM memory for role '" + role
                    + "': it is jobmanager or taskmanager");
        };
    }

    /**
     * The {@code -Dkey=value} and {@code -D key=value} arguments. Others are left out rather than refused: a
     * standalone job's program arguments follow podflow's and are the program's business.
     */
    static List<String> dynamicProperties(List<String> arguments) {
        List<String> properties = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("-D") && i + 1 < arguments.size() && arguments.get(i + 1).indexOf('=') > 0) {
                properties.add("-D" + arguments.get(++i));
            } else if (argument.startsWith("-D") && argument.indexOf('=') > 2) {
                properties.add(argument);
            }
        }
        return properties;
    }
}
