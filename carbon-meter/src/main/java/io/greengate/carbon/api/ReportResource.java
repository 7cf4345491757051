package io.greengate.carbon.api;

import io.greengate.carbon.report.GroupBy;
import io.greengate.carbon.report.ReportCsv;
import io.greengate.carbon.report.SustainabilityReport;
import io.greengate.carbon.report.SustainabilityReports;
import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/sustainability?from=&to=&groupBy=}: JSON, or CSV for {@code Accept: text/csv}.
 * {@code from} (inclusive) and {@code to} (exclusive) are ISO-8601 instants or dates (midnight UTC); both optional.
 */
@Path("/api/v1/reports")
public class ReportResource {

    static final String CSV = "text/csv";

    private final SustainabilityReports reports;

    public ReportResource(SustainabilityReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/sustainability")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.CI, Roles.REVIEWER, Roles.ADMIN})
    public Response sustainability(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("groupBy") String groupBy, @Context HttpHeaders headers) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        GroupBy grouping = groupBy == null || groupBy.isBlank() ? GroupBy.REPOSITORY
                : GroupBy.parse(groupBy).orElse(null);
        if (grouping == null) {
            errors.put("groupBy", "must be one of " + GroupBy.choices());
        }
        if (start != null && end != null && !start.isBefore(end)) {
            errors.put("to", "must be after from");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join(", ", errors.keySet()) + " invalid", errors);
        }
        SustainabilityReport report = reports.report(start, end, grouping);
        if (wantsCsv(headers)) {
            return Response.ok(ReportCsv.of(report), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"sustainability-" + report.groupBy() + ".csv\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV only when the client prefers it to JSON; a client that accepts anything gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(String name, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(name, "must be an ISO-8601 date or instant, like 2025-05-01 or 2025-05-01T00:00:00Z");
            return null;
        }
    }
}
