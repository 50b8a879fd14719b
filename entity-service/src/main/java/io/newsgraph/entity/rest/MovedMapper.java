package io.newsgraph.entity.rest;

import io.newsgraph.entity.service.EntityGraph;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A merged entity answers 301 with the entity it now lives in (relative, so it is right behind the gateway). */
public class MovedMapper {

    @ServerExceptionMapper
    public Response moved(EntityGraph.Moved moved) {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, "/api/v1/entities/" + moved.target())
                .build();
    }
}
