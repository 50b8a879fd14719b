package io.newsgraph.bench.minimal;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The one endpoint: reads the table through Panache, like the services' blocking endpoints. */
@Path("/greetings")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class GreetingResource {

    public record GreetingView(Long id, String text) {
    }

    @GET
    public List<GreetingView> list() {
        return Greeting.<Greeting>findAll().page(0, 20).list().stream().map(g -> new GreetingView(g.id, g.text)).toList();
    }
}
