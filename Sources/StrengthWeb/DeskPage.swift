import Hummingbird
import StrengthModel
import StrengthReport

/// The desk's pages: the report's own look and print stylesheet, with the desk's menu on top (not
/// printed) and its own small stylesheet and script.
enum DeskPage {
    static func e(_ text: String) -> String { HTMLText.escape(text) }

    /// The menu, first in every page; `current` is underlined; a log-out button when the desk has a login.
    static func navigation(_ current: String, _ context: DeskContext) -> String {
        let items = [("/squad", "Squad"), ("/import", "Import"), ("/thresholds", "Thresholds")]
        var out = "<link rel=\"stylesheet\" href=\"/static/desk.css\"><script src=\"/static/desk.js\" defer></script>"
        out += "<nav class=\"desk\"><strong>HQScreen</strong>"
        for (href, label) in items {
            out += "<a href=\"\(href)\"\(href == current ? " aria-current=\"page\"" : "")>\(label)</a>"
        }
        if context.signedIn {
            out += "<form class=\"logout\" method=\"post\" action=\"/logout\">\(csrfField(context))"
            out += "<button type=\"submit\">Log out</button></form>"
        }
        return out + "</nav>"
    }

    /// A whole page of the desk's own (not a report): title, menu, content.
    static func page(title: String, current: String, _ context: DeskContext, _ content: String) -> Response {
        html(
            HTMLReport.page(title: title, navigation: navigation(current, context)) + content
                + "</main></body></html>\n")
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func csrfField(_ context: DeskContext) -> String {
        "<input type=\"hidden\" name=\"\(CSRFProtection.fieldName)\" value=\"\(e(context.csrfToken))\">"
    }

    /// An athlete's page address: the id percent-encoded, so any id is one path segment.
    static func athleteHref(_ id: String, _ suffix: String = "") -> String {
        "/athletes/" + HTMLReport.percentEncoded(id) + suffix
    }
}
