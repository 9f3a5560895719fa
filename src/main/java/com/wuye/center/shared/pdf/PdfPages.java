package com.wuye.center.shared.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.wuye.center.shared.web.Downloads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * A print page as a PDF, from the same template: the view is rendered as for the browser (same
 * model, dialects, messages, the reader's language), the HTML is read by jsoup into a DOM and laid
 * out by openhtmltopdf (PDFBox) for print media, so the print stylesheet applies and the {@code
 * no-print} tools and menus stay out. The stylesheets come from the app's static resources; the
 * Chinese font is {@link PdfFont}'s, embedded (subset).
 */
@Component
public class PdfPages {

  /** The family name the font is registered under; every element of a PDF uses it. */
  static final String FAMILY = "wuye-cjk";

  private static final String PDF_STYLE =
      "* { font-family: '"
          + FAMILY
          + "', sans-serif !important; }"
          + " .no-print, header.topbar, nav, footer { display: none !important; }"
          + " @page { size: A4; margin: 10mm; }";

  private static final String STATIC =
      java.util.Optional.ofNullable(PdfPages.class.getResource("/static/"))
          .map(URL::toExternalForm)
          .orElse(null);

  private final ViewResolver views;
  private final PdfFont font;

  PdfPages(@Qualifier("thymeleafViewResolver") ViewResolver views, PdfFont font) {
    this.views = views;
    this.font = font;
  }

  /**
   * Renders the view with the model to a PDF and writes it as the response (an attachment named
   * {@code filename}).
   */
  public void write(
      String view,
      Map<String, ?> model,
      String filename,
      HttpServletRequest request,
      HttpServletResponse response) {
    write(view, model, filename, null, request, response);
  }

  /**
   * As {@link #write(String, Map, String, HttpServletRequest, HttpServletResponse)}, with CSS for
   * the PDF only ({@code @page} of a narrow receipt). A page that answers with a redirect (the
   * record is not ready to print) redirects the PDF too.
   */
  public void write(
      String view,
      Map<String, ?> model,
      String filename,
      String pageCss,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      if (view.startsWith("redirect:")) {
        response.sendRedirect(request.getContextPath() + view.substring("redirect:".length()));
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] pdf = render(view, model, request, response, pageCss);
    try {
      response.setContentLength(pdf.length);
      OutputStream out = Downloads.start(response, "application/pdf", filename);
      out.write(pdf);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The PDF of the view.
   *
   * @param pageCss CSS added for the PDF only (a narrow receipt's page size), or null
   */
  public byte[] render(
      String view,
      Map<String, ?> model,
      HttpServletRequest request,
      HttpServletResponse response,
      String pageCss) {
    String html = html(view, model, request, response);
    var doc = Jsoup.parse(html);
    doc.head().appendElement("style").text(PDF_STYLE + (pageCss == null ? "" : " " + pageCss));
    doc.select(".no-print, script, button, textarea, input[type=hidden]").remove();
    // the page's own stylesheets sit in the body (the layout owns the head); the renderer reads
    // the head's only
    doc.select("body link[rel=stylesheet]").forEach(l -> doc.head().appendChild(l));
    // a PDF is paper: controls print as their text, not as fillable form fields
    doc.select("form").unwrap();
    var w3c = new W3CDom().fromJsoup(doc);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    font.file().ifPresent(f -> builder.useFont(f.toFile(), FAMILY));
    builder.useUriResolver(PdfPages::resolve);
    // only what resolve() answered: the app's own static files (file: in development, jar: when
    // packaged) and inline data; never a remote or arbitrary local file
    builder.useExternalResourceAccessControl(
        (uri, type) -> true, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        (uri, type) ->
            uri != null
                && (uri.startsWith("file:") || uri.startsWith("jar:") || uri.startsWith("data:")),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.withW3cDocument(w3c, "classpath:/static/");
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Stylesheets and images of the page from the app's static resources; nothing remote. */
  static String resolve(String base, String uri) {
    if (uri == null || uri.startsWith("data:") || STATIC != null && uri.startsWith(STATIC)) {
      return uri; // inline, or already resolved here (the renderer asks again with the result)
    }
    String path = uri;
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    if (path.startsWith("classpath:")) {
      path = path.substring("classpath:".length());
    }
    if (!path.startsWith("/")) {
      return null;
    }
    if (path.startsWith("/webjars/")) {
      return null;
    }
    URL url = PdfPages.class.getResource(path.startsWith("/static/") ? path : "/static" + path);
    return url == null ? null : url.toExternalForm();
  }

  private String html(
      String viewName,
      Map<String, ?> model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      Locale locale =
          org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
      View view = views.resolveViewName(viewName, locale);
      if (view == null) {
        throw new IllegalStateException("no view " + viewName);
      }
      StringWriter text = new StringWriter();
      PrintWriter writer = new PrintWriter(text);
      HttpServletResponseWrapper capture =
          new HttpServletResponseWrapper(response) {
            @Override
            public PrintWriter getWriter() {
              return writer;
            }

            @Override
            public void setContentType(String type) {}

            @Override
            public void setCharacterEncoding(String charset) {}

            @Override
            public void setLocale(Locale loc) {}
          };
      view.render(model, request, capture);
      writer.flush();
      return text.toString();
    } catch (Exception e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot render " + viewName, e);
    }
  }
}
