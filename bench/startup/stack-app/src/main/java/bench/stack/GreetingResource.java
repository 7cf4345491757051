package bench.stack;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.atomic.AtomicLong;

/** One resource, one producer, one consumer: the stack's moving parts, none of Greengate's work. */
@Path("/hello")
@ApplicationScoped
public class GreetingResource {

    private final AtomicLong received = new AtomicLong();
    private final Emitter<String> out;

    public GreetingResource(@Channel("greetings-out") Emitter<String> out) {
        this.out = out;
    }

    @GET
    @PermitAll
    @Transactional
    public String hello() {
        return "hello " + Greeting.count() + " " + received.get();
    }

    @Incoming("greetings-in")
    public void receive(String greeting) {
        received.incrementAndGet();
    }

    void send(String greeting) {
        out.send(greeting);
    }
}
