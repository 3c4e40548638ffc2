import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Lists the pods of its own namespace with the in-cluster configuration and prints the count or the HTTP error code. */
public class ListPods {
    public static void main(String[] args) {
        String namespace = System.getenv("POD_NAMESPACE");
        try (KubernetesClient client = new KubernetesClientBuilder().build()) {
            System.out.println("master=" + client.getMasterUrl());
            System.out.println("pods=" + client.pods().inNamespace(namespace).list().getItems().size());
        } catch (KubernetesClientException e) {
            System.out.println("code=" + e.getCode());
        }
    }
}
