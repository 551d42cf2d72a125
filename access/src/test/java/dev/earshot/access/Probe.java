package dev.earshot.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A stand-in REST resource: the filter must guard it without the resource knowing. */
@Path("/")
public class Probe {

    @GET
    @Path("api/things")
    public String things() {
        return "things";
    }

    @POST
    @Path("api/things")
    public String add() {
        return "added";
    }

    @GET
    @Path("open/page")
    public String open() {
        return "open";
    }
}
