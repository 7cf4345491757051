package io.greengate.suggestion.events;

import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.inbox.InboundEvents;
import io.greengate.suggestion.store.Suggestion;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.UUID;

/** Shows carbon-meter's energy estimates on suggestions: a batch's energy is shared by its suggestions. */
@ApplicationScoped
public class EnergyAttachedConsumer {

    private final InboundEvents inbound;

    public EnergyAttachedConsumer(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @Incoming("energy")
    @Blocking
    @Transactional
    public void onEnergy(String payload) {
        inbound.handle("suggestion-service.energy", payload, event -> {
            if (event instanceof EnergyAttached energy && "suggestion-service".equals(energy.service())) {
                attach(energy);
            }
        });
    }

    private static void attach(EnergyAttached energy) {
        List<Suggestion> suggestions = switch (energy.subjectType()) {
            case "batch" -> Suggestion.ofBatch(UUID.fromString(energy.subjectId()));
            case "suggestion" -> Suggestion.<Suggestion>findByIdOptional(UUID.fromString(energy.subjectId()))
                    .map(List::of).orElse(List.of());
            default -> List.of();
        };
        for (Suggestion suggestion : suggestions) {
            double share = 1.0 / suggestions.size();
            suggestion.energyJoules = (suggestion.energyJoules == null ? 0 : suggestion.energyJoules)
                    + energy.energyJoules() * share;
            suggestion.co2eGrams = (suggestion.co2eGrams == null ? 0 : suggestion.co2eGrams) + energy.co2eGrams() * share;
        }
    }
}
