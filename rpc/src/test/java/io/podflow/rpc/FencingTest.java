package io.podflow.rpc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fenced endpoint serves only the current token, locally and remotely. */
class FencingTest {

    private final UUID firstLeader = UUID.randomUUID();
    private RpcService server;
    private RpcService client;
    private LeaderEndpoint endpoint;

    @BeforeEach
    void start() {
        server = RpcServices.start();
        client = RpcServices.start();
        endpoint = new LeaderEndpoint(server, "leader", firstLeader);
        endpoint.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.closeAsync().get(30, TimeUnit.SECONDS);
        server.closeAsync().get(30, TimeUnit.SECONDS);
    }

    @Test
    void currentTokenIsServedRemotelyAndLocally() throws Exception {
        for (RpcService caller : new RpcService[] {client, server}) {
            LeaderGateway gateway = caller.connect(endpoint.getAddress(), firstLeader, LeaderGateway.class)
                    .get(20, TimeUnit.SECONDS);
            assertEquals("leader " + firstLeader, gateway.whoIsLeader().get(15, TimeUnit.SECONDS));
            assertEquals(firstLeader, gateway.getFencingToken());
        }
    }

    @Test
    void staleTokenIsRefusedAfterLeadershipChanges() throws Exception {
        for (RpcService caller : new RpcService[] {client, server}) {
            endpoint.changeLeader(firstLeader);
            LeaderGateway old = caller.connect(endpoint.getAddress(), firstLeader, LeaderGateway.class)
                    .get(20, TimeUnit.SECONDS);
            UUID secondLeader = UUID.randomUUID();
            endpoint.changeLeader(secondLeader);

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> old.whoIsLeader().get(15, TimeUnit.SECONDS));
            assertInstanceOf(FencingTokenException.class, refused.getCause());
            String message = refused.getCause().getMessage();
            assertTrue(message.contains("expected " + secondLeader + ", got " + firstLeader), message);

            LeaderGateway current = caller.connect(endpoint.getAddress(), secondLeader, LeaderGateway.class)
                    .get(20, TimeUnit.SECONDS);
            assertEquals("leader " + secondLeader, current.whoIsLeader().get(15, TimeUnit.SECONDS));
        }
    }

    @Test
    void missingTokenAndNoLeaderAreRefused() throws Exception {
        LeaderGateway unfenced = client.connect(endpoint.getAddress(), LeaderGateway.class).get(20, TimeUnit.SECONDS);
        ExecutionException missing = assertThrows(ExecutionException.class,
                () -> unfenced.whoIsLeader().get(15, TimeUnit.SECONDS));
        assertInstanceOf(FencingTokenException.class, missing.getCause());
        assertTrue(missing.getCause().getMessage().contains("got none"), missing.getCause().getMessage());

        LeaderGateway gateway = client.connect(endpoint.getAddress(), firstLeader, LeaderGateway.class)
                .get(20, TimeUnit.SECONDS);
        endpoint.changeLeader(null);
        ExecutionException noLeader = assertThrows(ExecutionException.class,
                () -> gateway.whoIsLeader().get(15, TimeUnit.SECONDS));
        assertInstanceOf(FencingTokenException.class, noLeader.getCause());
    }

    @Test
    void selfGatewayIsNotFenced() throws Exception {
        endpoint.changeLeader(null);
        assertEquals("leader null",
                endpoint.getSelfGateway(LeaderGateway.class).whoIsLeader().get(15, TimeUnit.SECONDS));
    }
}
