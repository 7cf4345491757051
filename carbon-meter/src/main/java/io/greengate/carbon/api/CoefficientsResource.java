package io.greengate.carbon.api;

import io.greengate.carbon.estimate.CarbonConfig;
import io.greengate.carbon.estimate.EnergyModel;
import io.greengate.platform.metering.RaplMetering;
import io.greengate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.TreeMap;

@Path("/api/v1/coefficients")
@Produces(MediaType.APPLICATION_JSON)
public class CoefficientsResource {

    private final CarbonConfig config;
    private final EnergyModel model;
    private final RaplMetering rapl;

    public CoefficientsResource(CarbonConfig config, EnergyModel model, RaplMetering rapl) {
        this.config = config;
        this.model = model;
        this.rapl = rapl;
    }

    @GET
    @RolesAllowed({Roles.CI, Roles.REVIEWER, Roles.ADMIN})
    public CoefficientsView get() {
        return new CoefficientsView(config.cpu().minWattsPerVcpu(), config.cpu().maxWattsPerVcpu(),
                config.memory().wattsPerGb(), config.pue(), new TreeMap<>(model.gridIntensities()),
                config.grid().worldAverage(), config.grid().serviceRegion().orElse(null),
                config.llm().defaultJoulesPerToken(), new TreeMap<>(config.llm().joulesPerToken()),
                config.embodiedGramsPerVcpuHour(), config.usageVcpus(), rapl.available());
    }
}
