package org.inspraak.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML alternative of a plain-text mail: the same words, paragraphs kept, addresses made clickable. Mails are
 * written as text so they read well in every client; this only dresses them for clients that show HTML.
 */
final class MailHtml {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    private MailHtml() {}

    static String of(String text, String municipality) {
        StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                        + "</head><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;"
                        + "color:#1f2933;max-width:600px;margin:0 auto;padding:16px\">");
        html.append("<p style=\"font-size:14px;color:#52606d;margin:0 0 16px\">")
                .append(HtmlUtils.htmlEscape(municipality))
                .append("</p>");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(inline(paragraph)).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String inline(String paragraph) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(paragraph);
        int last = 0;
        while (m.find()) {
            out.append(lines(paragraph.substring(last, m.start())));
            String url = HtmlUtils.htmlEscape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = m.end();
        }
        return out.append(lines(paragraph.substring(last))).toString();
    }

    private static String lines(String text) {
        return HtmlUtils.htmlEscape(text).replace("\n", "<br>");
    }
}
