package io.podflow.localkube.kubelet.container;

import java.util.Map;

/**
 * Kubernetes' {@code $(VAR)} expansion for env values, command and args: a known variable is
 * replaced, an unknown reference is kept as written, and {@code $$} escapes a dollar sign.
 */
public final class VariableExpansion {

    private VariableExpansion() {
    }

    public static String expand(String input, Map<String, String> variables) {
        StringBuilder out = new StringBuilder(input.length());
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c != '$' || i + 1 >= input.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = input.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '(') {
                int close = input.indexOf(')', i + 2);
                if (close < 0) {
                    out.append(input, i, input.length());
                    break;
                }
                String name = input.substring(i + 2, close);
                String value = variables.get(name);
                out.append(value != null ? value : input.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
