package io.podflow.rpc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing and formatting of {@code host:port/endpoint}. */
class RpcAddressTest {

    @Test
    void parsesAndFormatsHostPortAndEndpoint() {
        RpcAddress address = RpcAddress.parse("10.0.0.5:6123/resourcemanager");
        assertEquals(new RpcAddress("10.0.0.5", 6123, "resourcemanager"), address);
        assertEquals("10.0.0.5:6123", address.hostPort());
        assertEquals("10.0.0.5:6123/resourcemanager", address.toString());
    }

    @Test
    void ipv6HostsAreBracketed() {
        RpcAddress address = RpcAddress.parse("[::1]:6122/taskmanager_0");
        assertEquals("::1", address.host());
        assertEquals("[::1]:6122/taskmanager_0", address.toString());
    }

    @Test
    void malformedAddressesAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpcAddress.parse("host:6123"))
                .getMessage().contains("host:port/endpoint"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpcAddress.parse("host:abc/x"))
                .getMessage().contains("numeric port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpcAddress.parse("host:70000/x"))
                .getMessage().contains("1-65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpcAddress.parse("host:1/a b"))
                .getMessage().contains("Endpoint name"));
    }
}
