package io.podflow.common.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Checks the keys of a loaded configuration against the known options: one warning for each deprecated key
 * (naming the key to use) and for each unknown key (naming the closest known key, if one is close).
 */
final class KeyAudit {

    private final OptionRegistry registry;
    private final Map<String, ConfigOption<?>> optionsByDeprecatedKey = new HashMap<>();
    private final Set<String> knownKeys;

    KeyAudit(OptionRegistry registry) {
        this.registry = registry;
        for (ConfigOption<?> option : registry.options()) {
            option.deprecatedKeys().forEach(key -> optionsByDeprecatedKey.put(key, option));
        }
        this.knownKeys = registry.options().stream().map(ConfigOption::key).collect(Collectors.toSet());
    }

    void audit(Collection<String> keys, Consumer<String> warnings) {
        for (String key : keys) {
            ConfigOption<?> replacement = optionsByDeprecatedKey.get(key);
            if (replacement != null) {
                warnings.accept(deprecationWarning(key, replacement, keys));
            } else if (!isKnown(key)) {
                warnings.accept("Unknown configuration key '" + key + "'"
                        + closestKnownKey(key).map(known -> " (did you mean '" + known + "'?)").orElse(""));
            }
        }
    }

    private static String deprecationWarning(String key, ConfigOption<?> replacement, Collection<String> keys) {
        String warning = "Configuration key '" + key + "' is deprecated, use '" + replacement.key() + "'";
        return keys.contains(replacement.key()) ? warning + "; it is ignored because '" + replacement.key() + "' is set"
                : warning;
    }

    private boolean isKnown(String key) {
        return knownKeys.contains(key) || registry.prefixes().stream().anyMatch(prefix -> prefix.matches(key));
    }

    /** Close means at most a few edits, more for long keys; case is ignored so that case slips are suggested too. */
    private Optional<String> closestKnownKey(String key) {
        String lowerKey = key.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, key.length() / 6);
        String closest = null;
        int closestDistance = Integer.MAX_VALUE;
        for (String known : knownKeys.stream().sorted().toList()) {
            int distance = EditDistance.between(lowerKey, known.toLowerCase(Locale.ROOT));
            if (distance <= allowed && distance < closestDistance) {
                closest = known;
                closestDistance = distance;
            }
        }
        return Optional.ofNullable(closest);
    }
}
