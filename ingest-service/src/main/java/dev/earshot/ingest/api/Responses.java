package dev.earshot.ingest.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The few error answers of the API, always with an {@link ApiError} body. */
final class Responses {

    private Responses() {
    }

    static Response notFound(String what, String id) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of("no " + what + " '" + id + "'")).build();
    }

    static Response invalid(List<String> problems) {
        return Response.status(422).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(problems.size() == 1 ? problems.get(0) : "the request breaks " + problems.size() + " rules",
                        problems)).build();
    }

    static Response conflict(String message) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(message)).build();
    }
}
