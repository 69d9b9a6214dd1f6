package org.csbench.publish.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The report templates ({@code src/main/jte/report}), compiled to classes at build time by the jte Maven plugin:
 * HTML output with every value escaped for where it is written (text, attribute), so a name such as
 * {@code <script>} appears as text.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "org.csbench.publish.report.jte");
    private static final String CSS = resource("report.css");

    private Templates() {
    }

    public static String authority(AuthorityPage page) {
        return render("report/authority.jte", page);
    }

    public static String index(IndexPage page) {
        return render("report/index.jte", page);
    }

    public static String trends(TrendsPage page) {
        return render("report/trends.jte", page);
    }

    /** The stylesheet every page inlines. */
    public static String css() {
        return CSS;
    }

    private static String render(String template, Object page) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, page, output);
        return output.toString();
    }

    private static String resource(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " beside " + Templates.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
