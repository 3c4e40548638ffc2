package io.podflow.rpc;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only allow-listed types are decoded from a peer; an unknown one fails its call and the server goes on. */
class TypeAllowListTest {

    private RpcService server;
    private RpcService client;

    @BeforeEach
    void start() {
        server = RpcService.builder(RpcServices.config(RpcServices.SECRET)).registerTypes(Shape.class, Circle.class).start();
        client = RpcService.builder(RpcServices.config(RpcServices.SECRET))
                .registerTypes(Shape.class, Circle.class, Square.class).start();
        new ShapeEndpoint(server).start();
    }

    @AfterEach
    void stop() throws Exception {
        client.closeAsync().get(30, TimeUnit.SECONDS);
        server.closeAsync().get(30, TimeUnit.SECONDS);
    }

    @Test
    void subtypeTheServerDidNotRegisterFailsTheCallOnly() throws Exception {
        ShapeGateway shapes = client.connect(server.getAddress() + "/shapes", ShapeGateway.class)
                .get(20, TimeUnit.SECONDS);
        assertEquals("circle r=2.0", shapes.describe(new Circle(2)).get(15, TimeUnit.SECONDS));

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> shapes.describe(new Square(3)).get(15, TimeUnit.SECONDS));
        assertInstanceOf(RpcCodecException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("Cannot decode the arguments of ShapeGateway.describe"),
                failure.getCause().getMessage());

        assertEquals("circle r=1.0", shapes.describe(new Circle(1)).get(15, TimeUnit.SECONDS));
    }

    @Test
    void gatewayWithAnUnregisteredTypeIsRejectedUpFront() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> client.connect(server.getAddress() + "/shapes", UnregisteredGateway.class).get(20, TimeUnit.SECONDS));
        assertInstanceOf(RpcCodecException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains(Thread.class.getName()), failure.getCause().getMessage());
    }

    @Test
    void classNamedByAPeerIsNeverLoadedUnlessAllowed() {
        RpcTypeRegistry types = new RpcTypeRegistry().register(Shape.class, Circle.class);
        PayloadCodec codec = new PayloadCodec(types);
        GatewayMethods methods = new GatewayMethods(codec, types);
        GatewayMethod describe = methods.ofGateway(ShapeGateway.class).values().iterator().next();
        WireOutput payload = new WireOutput();
        payload.writeSized(("{\"@class\":\"" + Tripwire.class.getName() + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] hostile = payload.toByteArray();

        RpcCodecException failure = assertThrows(RpcCodecException.class,
                () -> codec.decodeArgs(describe.argumentCodecs(), hostile, describe.description()));
        assertTrue(failure.getMessage().contains("Cannot decode the arguments"), failure.getMessage());
        assertFalse(TRIPWIRE_INITIALIZED.get(), "a class named by a peer must not even be initialized");
    }

    /** A shape; subtypes are named on the wire by class. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    public interface Shape {
    }

    /** Allowed on both sides. */
    public record Circle(double radius) implements Shape {
    }

    /** Allowed on the client only. */
    public record Square(double side) implements Shape {
    }

    private static final AtomicBoolean TRIPWIRE_INITIALIZED = new AtomicBoolean();

    /** Sets {@link #TRIPWIRE_INITIALIZED} if its class is ever initialized. */
    public static final class Tripwire implements Shape {
        static {
            TRIPWIRE_INITIALIZED.set(true);
        }
    }

    /** Gateway taking a polymorphic parameter. */
    public interface ShapeGateway extends RpcGateway {
        CompletableFuture<String> describe(Shape shape);
    }

    /** Gateway whose parameter type nobody registered. */
    public interface UnregisteredGateway extends RpcGateway {
        void start(Thread thread);
    }

    private static final class ShapeEndpoint extends RpcEndpoint implements ShapeGateway {
        ShapeEndpoint(RpcService service) {
            super(service, "shapes");
        }

        @Override
        public CompletableFuture<String> describe(Shape shape) {
            return CompletableFuture.completedFuture(
                    shape instanceof Circle circle ? "circle r=" + circle.radius() : "other " + shape);
        }
    }
}
