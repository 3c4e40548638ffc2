package io.podflow.rpc;

import java.util.regex.Pattern;

/** Where an endpoint lives: {@code host:port/endpoint}. IPv6 hosts are written in brackets. */
public record RpcAddress(String host, int port, String endpoint) {

    private static final Pattern ENDPOINT_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    public RpcAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("RPC address needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("RPC port " + port + " is outside 1-65535");
        }
        checkEndpointName(endpoint);
    }

    /** Parses {@code host:port/endpoint}, e.g. {@code 10.0.0.5:6123/resourcemanager}. */
    public static RpcAddress parse(String address) {
        int slash = address.indexOf('/');
        int colon = slash < 0 ? -1 : address.lastIndexOf(':', slash);
        if (slash < 0 || colon < 0) {
            throw new IllegalArgumentException("RPC address '" + address + "' is not of the form host:port/endpoint");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1, slash));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RPC address '" + address + "' has no numeric port");
        }
        return new RpcAddress(host, port, address.substring(slash + 1));
    }

    static void checkEndpointName(String endpoint) {
        if (endpoint == null || !ENDPOINT_NAME.matcher(endpoint).matches()) {
            throw new IllegalArgumentException(
                    "Endpoint name '" + endpoint + "' must be non-empty letters, digits, '.', '_' or '-'");
        }
    }

    /** {@code host:port}, the part that names the RPC service. */
    public String hostPort() {
        return hostPort(host, port);
    }

    /** {@code host:port}, with an IPv6 host in brackets. */
    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return hostPort() + "/" + endpoint;
    }
}
