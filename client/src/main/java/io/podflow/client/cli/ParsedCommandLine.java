package io.podflow.client.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one CLI action, read up to the first argument that is not an option (the jar, or a job id);
 * that argument and everything after it are positional, so a program's own arguments are never taken for ours.
 */
final class ParsedCommandLine {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> dynamicProperties = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private ParsedCommandLine() {
    }

    /**
     * @param flags options without a value, e.g. {@code -d}
     * @param valued options followed by a value, e.g. {@code -p 4}
     * @param aliases long forms of options, e.g. {@code --detached -> -d}
     */
    static ParsedCommandLine parse(List<String> args, Set<String> flags, Set<String> valued,
            Map<String, String> aliases) throws CliArgumentException {
        ParsedCommandLine parsed = new ParsedCommandLine();
        int i = 0;
        while (i < args.size()) {
            String arg = aliases.getOrDefault(args.get(i), args.get(i));
            if (arg.equals("-D") || arg.startsWith("-D")) {
                String property = arg.length() > 2 ? arg.substring(2) : valueAfter(args, i++, arg);
                int eq = property.indexOf('=');
                if (eq <= 0) {
                    throw new CliArgumentException("-D needs key=value, not '" + property + "'");
                }
                parsed.dynamicProperties.put(property.substring(0, eq), property.substring(eq + 1));
            } else if (flags.contains(arg)) {
                parsed.values.put(arg, "true");
            } else if (valued.contains(arg)) {
                parsed.values.put(arg, valueAfter(args, i++, arg));
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new CliArgumentException("Unknown option " + arg);
            } else {
                parsed.positional.addAll(args.subList(i, args.size()));
                break;
            }
            i++;
        }
        return parsed;
    }

    private static String valueAfter(List<String> args, int index, String option) throws CliArgumentException {
        if (index + 1 >= args.size()) {
            throw new CliArgumentException(option + " needs a value");
        }
        return args.get(index + 1);
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    String value(String option) {
        return values.get(option);
    }

    Map<String, String> dynamicProperties() {
        return dynamicProperties;
    }

    List<String> positional() {
        return positional;
    }
}
