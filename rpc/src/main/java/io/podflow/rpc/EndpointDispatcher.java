package io.podflow.rpc;

import com.typesafe.config.ConfigFactory;
import io.netty.channel.EventLoopGroup;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.dispatch.Dispatcher;
import org.apache.pekko.dispatch.Dispatchers;
import org.apache.pekko.dispatch.MessageDispatcher;
import org.apache.pekko.dispatch.MessageDispatcherConfigurator;
import scala.concurrent.duration.Duration;
import scala.concurrent.duration.FiniteDuration;

import java.util.concurrent.TimeUnit;

/** The Pekko dispatcher of endpoint actors: their mailboxes run on an {@link EndpointExecutor}. */
final class EndpointDispatcher extends MessageDispatcherConfigurator {

    static final String ID = "podflow-endpoint-dispatcher";

    /**
     * Messages one mailbox handles before it lets others have the thread. Calls arrive in bursts (a read of many
     * frames); handling a burst in one go lets its replies leave in one flush.
     */
    private static final int THROUGHPUT = 64;

    private final Dispatcher dispatcher;

    private EndpointDispatcher(Dispatchers dispatchers, EventLoopGroup eventLoops) {
        super(ConfigFactory.parseString("id = " + ID + "\nthroughput = " + THROUGHPUT)
                .withFallback(dispatchers.defaultDispatcherConfig()), dispatchers.prerequisites());
        this.dispatcher = new Dispatcher(this, ID, THROUGHPUT, Duration.Zero(),
                (id, threadFactory) -> () -> new EndpointExecutor(eventLoops),
                FiniteDuration.apply(1, TimeUnit.SECONDS));
    }

    /** Makes the dispatcher available to {@code Props.withDispatcher(ID)} in this actor system. */
    static void register(ActorSystem actorSystem, EventLoopGroup eventLoops) {
        Dispatchers dispatchers = actorSystem.dispatchers();
        dispatchers.registerConfigurator(ID, new EndpointDispatcher(dispatchers, eventLoops));
    }

    @Override
    public MessageDispatcher dispatcher() {
        return dispatcher;
    }
}
