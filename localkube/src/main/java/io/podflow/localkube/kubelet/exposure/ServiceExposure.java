package io.podflow.localkube.kubelet.exposure;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes NodePort and LoadBalancer Services answer on loopback, as kube-proxy and a cloud load balancer
 * would: {@link #reconcile()} compares the listeners with the {@link ExposurePlan} of the current Services,
 * closes the ones no longer wanted, opens the missing ones, and publishes each LoadBalancer Service's
 * address in its {@code status.loadBalancer.ingress}. Each connection goes to a pod picked when it arrives,
 * so pods may come and go. Call {@code reconcile} from one thread.
 */
public final class ServiceExposure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceExposure.class);

    private final EventLoopGroup group;
    private final List<String> nodeIps;
    private final Supplier<Collection<Service>> services;
    private final ServiceBackends backends;
    private final BiConsumer<Service, String> publishIngress;
    private final LoadBalancerAddresses addresses = new LoadBalancerAddresses();
    private final Map<ListenAddress, Listener> listeners = new HashMap<>();

    /** @param publishIngress writes the address into the Service's status (called only when it differs) */
    public ServiceExposure(EventLoopGroup group, List<String> nodeIps, Supplier<Collection<Service>> services,
            Supplier<Collection<Pod>> pods, BiConsumer<Service, String> publishIngress) {
        this.group = group;
        this.nodeIps = List.copyOf(nodeIps);
        this.services = services;
        this.backends = new ServiceBackends(services, pods);
        this.publishIngress = publishIngress;
    }

    public void reconcile() {
        Collection<Service> current = services.get();
        addresses.retainOnly(current.stream().filter(service -> "LoadBalancer".equals(service.getSpec().getType()))
                .map(ServiceExposure::key).collect(Collectors.toSet()));
        Map<ListenAddress, ServicePortRef> plan = ExposurePlan.of(current, nodeIps, this::loadBalancerIp);
        listeners.entrySet().removeIf(entry -> {
            boolean stale = !entry.getValue().ref().equals(plan.get(entry.getKey()));
            if (stale) {
                LOG.info("{} no longer serves {}", entry.getKey(), entry.getValue().ref());
                entry.getValue().channel().close();
            }
            return stale;
        });
        plan.forEach((address, ref) -> {
            if (!listeners.containsKey(address)) {
                open(address, ref);
            }
        });
    }

    private Optional<String> loadBalancerIp(Service service) {
        Optional<String> published = Optional.ofNullable(service.getStatus())
                .map(status -> status.getLoadBalancer()).map(lb -> lb.getIngress()).orElse(List.of()).stream()
                .map(LoadBalancerIngress::getIp).filter(ip -> ip != null).findFirst();
        Optional<String> ip = addresses.addressFor(key(service), published);
        if (ip.isEmpty()) {
            LOG.warn("no loopback address left for LoadBalancer service {}", key(service));
        } else if (!ip.equals(published)) {
            try {
                publishIngress.accept(service, ip.get());
                LOG.info("LoadBalancer service {} gets address {}", key(service), ip.get());
            } catch (RuntimeException e) {
                LOG.warn("cannot publish address {} of service {}: {}", ip.get(), key(service), e.getMessage());
            }
        }
        return ip;
    }

    private void open(ListenAddress address, ServicePortRef ref) {
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new ServiceRelay(ref, backends));
                        }
                    })
                    .bind(address.ip(), address.port()).syncUninterruptibly().channel();
            listeners.put(address, new Listener(ref, channel));
            LOG.info("{} serves {}", address, ref);
        } catch (RuntimeException e) {
            // retried on the next reconcile (every Service change and informer resync)
            LOG.warn("cannot listen on {} for {}: {}", address, ref, e.getMessage());
        }
    }

    @Override
    public void close() {
        listeners.values().forEach(listener -> listener.channel().close());
        listeners.clear();
    }

    private static String key(Service service) {
        return service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
    }

    private record Listener(ServicePortRef ref, Channel channel) {
    }
}
