package io.podflow.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line of an example: {@code --name value} options plus the positional arguments left over. */
final class ExampleArguments {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    ExampleArguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("Option " + args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    String get(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new IllegalArgumentException("Missing option --" + option);
        }
        return value;
    }

    /** The option's value, else the positional argument at {@code position}, else {@code fallback}. */
    String get(String option, int position, String fallback) {
        if (options.containsKey(option)) {
            return options.get(option);
        }
        return position < positional.size() ? positional.get(position) : fallback;
    }

    long getLong(String option, long fallback) {
        return options.containsKey(option) ? Long.parseLong(options.get(option)) : fallback;
    }
}
