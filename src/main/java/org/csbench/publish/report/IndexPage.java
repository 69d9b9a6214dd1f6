package org.csbench.publish.report;

import java.util.List;

/** The index page: a link to each authority's report and to the trends report. */
public record IndexPage(AuthorityPage.PageInfo info, String trendsFile, List<Link> links) {
    public IndexPage {
        links = List.copyOf(links);
    }

    /** A report's file (relative to the index), authority name and code. */
    public record Link(String file, String name, String code) {
    }

    public int count() {
        return links.size();
    }
}
