package io.podflow.jobmanager.entrypoint;

import io.podflow.api.program.ApplicationOptions;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.common.config.IllegalConfigurationException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code standalone-job.sh start-foreground}: {@code --job-classname <class>} (or {@code -j}),
 * {@code -Dkey=value} properties, and, from the first other argument on, the program's own arguments.
 */
record StandaloneJobArguments(Optional<String> entryClass, Map<String, String> properties,
        List<String> programArguments) {

    private static final List<String> CLASS_NAME_OPTIONS = List.of("--job-classname", "-j");

    /** @throws IllegalConfigurationException with one line when an option lacks its value */
    static StandaloneJobArguments parse(List<String> args) {
        String entryClass = null;
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (CLASS_NAME_OPTIONS.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalConfigurationException(arg + " needs the job's class name after it");
                }
                entryClass = args.get(i + 1);
                i += 2;
            } else if (arg.equals("-D")) {
                i += 2;
            } else if (arg.startsWith("-D")) {
                i++;
            } else {
                break;
            }
        }
        return new StandaloneJobArguments(Optional.ofNullable(entryClass),
                ConfigurationLoader.parseDynamicProperties(args.subList(0, Math.min(i, args.size()))),
                List.copyOf(args.subList(Math.min(i, args.size()), args.size())));
    }

    /** Sets the entry class and program arguments as the options {@link ApplicationOptions} declares. */
    void applyTo(Configuration config) {
        entryClass.ifPresent(name -> config.set(ApplicationOptions.MAIN_CLASS, name));
        if (!programArguments.isEmpty()) {
            try {
                config.set(ApplicationOptions.PROGRAM_ARGUMENTS, programArguments);
            } catch (IllegalConfigurationException e) {
                throw new IllegalConfigurationException("A program argument cannot be passed on: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
            }
        }
    }
}
