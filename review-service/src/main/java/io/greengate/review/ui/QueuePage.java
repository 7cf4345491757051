package io.greengate.review.ui;

import io.greengate.platform.security.Roles;
import io.greengate.review.api.ReviewView;
import io.greengate.review.queue.QueueFilter;
import io.greengate.review.queue.ReviewQueue;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The queue at {@code /}: pending reviews under the reviewer's filters, most confident first. */
@Path("/")
public class QueuePage {

    /** What the queue page shows. */
    public record Model(String user, QueueFilter filter, ReviewQueue.Facets facets, ReviewQueue.Counts counts,
                        List<ReviewView> rows, int pageIndex, int pageCount, long pending, Notice notice) {

        public boolean hasPrevious() {
            return pageIndex > 0;
        }

        public boolean hasNext() {
            return pageIndex + 1 < pageCount;
        }

        /** The queue URL of another page under the same filters. */
        public String pageLink(int index) {
            String query = filter.query();
            String page = index == 0 ? "" : "page=" + (index + 1);
            String joined = query.isEmpty() ? page : page.isEmpty() ? query : query + "&" + page;
            return joined.isEmpty() ? "/" : "/?" + joined;
        }

        public int firstRow() {
            return pageIndex * ReviewQueue.PAGE_SIZE + 1;
        }
    }

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance queue(Model m);

        /** Just the counts, the table and the pager: what htmx swaps when a filter changes. */
        static native TemplateInstance queue$results(Model m);
    }

    private final ReviewQueue queue;
    private final SecurityIdentity identity;

    public QueuePage(ReviewQueue queue, SecurityIdentity identity) {
        this.queue = queue;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.REVIEWER)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance queue(@Context UriInfo uri, @RestQuery("page") Integer page,
                                  @RestHeader("HX-Target") String htmxTarget) {
        Model model = model(QueueFilter.from(uri.getQueryParameters()), page == null ? 0 : page - 1,
                Notice.from(uri.getQueryParameters()));
        return "results".equals(htmxTarget) ? Templates.queue$results(model) : Templates.queue(model);
    }

    Model model(QueueFilter filter, int pageIndex, Notice notice) {
        ReviewQueue.Page page = queue.pending(filter, pageIndex);
        List<ReviewView> rows = page.reviews().stream().map(r -> ReviewView.of(r, List.of())).toList();
        return new Model(identity.getPrincipal().getName(), filter, queue.facets(filter), queue.counts(filter), rows,
                page.index(), page.count(), page.total(), notice);
    }
}
