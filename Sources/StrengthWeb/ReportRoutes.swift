import Foundation
import Hummingbird
import StrengthAnalysis
import StrengthModel
import StrengthPDF
import StrengthReport
import StrengthStore

/// The squad, each athlete, their downloads and details, and the thresholds.
struct ReportRoutes {
    let store: any HistoryStore
    let reports: DeskReports
    let options: DeskOptions
    let cache = PageCache()

    func add(to router: Router<DeskContext>) {
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/squad"]) }
        router.get("/squad") { request, context in try await squadPage(request, context) }
        router.get("/athletes/{id}") { _, context in try await athletePage(try athleteId(context), context) }
        router.get("/athletes/{id}/report.pdf") { _, context in
            try await download(try athleteId(context), "report.pdf") { PDFReport.render($0) }
        }
        router.get("/athletes/{id}/handout.pdf") { _, context in
            try await download(try athleteId(context), "handout.pdf") { PDFReport.render($0, audience: .athlete) }
        }
        router.get("/athletes/{id}/report.csv") { _, context in
            try await download(try athleteId(context), "report.csv") { Array(CSVSummary.render($0).utf8) }
        }
        router.get("/athletes/{id}/report.json") { _, context in
            try await download(try athleteId(context), "report.json") { try? Array(JSONReport.render($0).utf8) }
        }
        router.post("/athletes/{id}/details") { request, context in
            try await saveDetails(try athleteId(context), request, context)
        }
        router.get("/thresholds") { _, context in thresholdsPage(context) }
    }

    func athleteId(_ context: DeskContext) throws -> String {
        // The path segment as sent (`/athletes/A%2F1` is one segment); the id is only ever a value in queries.
        let raw = try context.parameters.require("id")
        return raw.removingPercentEncoding ?? raw
    }

    func squadPage(_ request: Request, _ context: DeskContext) async throws -> Response {
        let squad = request.uri.queryParameters.get("squad").flatMap { $0.isEmpty ? nil : String($0) }
        let band = request.uri.queryParameters.get("band").flatMap { Band(rawValue: String($0)) }
        let key = "squad\u{0}\(squad ?? "")\u{0}\(band?.rawValue ?? "")"
        let html = try await cache.page(key, revision: try await store.revision(), day: options.today()) {
            [self] in try await squadHTML(squad: squad, band: band)
        }
        return DeskPage.page(title: "Squad — HQScreen", current: "/squad", context, html)
    }

    func squadHTML(squad: String?, band: Band?) async throws -> String {
        let athletes = try await store.athletes()
        let report = try await reports.squad(squad)
        let squads = Set(athletes.compactMap(\.squad)).sorted()
        var html = "<header><h1>Squad\(squad.map { " " + DeskPage.e($0) } ?? "")</h1>"
        html += "<p class=\"evidence\">\(DeskPage.e(ScreeningReport.evidenceNote))</p></header>"
        html += "<form class=\"filters\" method=\"get\" action=\"/squad\"><label>Squad<select name=\"squad\">"
        html += "<option value=\"\">every athlete</option>"
        for name in squads {
            html += "<option\(name == squad ? " selected" : "")>\(DeskPage.e(name))</option>"
        }
        html += "</select></label><label>Band<select name=\"band\"><option value=\"\">every band</option>"
        for option in [Band.red, .amber, .green, .info] {
            html += "<option\(option == band ? " selected" : "")>\(option.rawValue)</option>"
        }
        html += "</select></label><button type=\"submit\">Show</button></form>"
        if report.sessionCount == 0 {
            html += "<p>No tests stored yet. <a href=\"/import\">Import</a> a squad's export to begin.</p>"
        } else {
            html += HTMLReport.teamSummary(
                report, href: { DeskPage.athleteHref($0) },
                include: { row in band.map { (row.latest.worstBand ?? .info) == $0 } ?? true })
        }
        return html
    }

    func athletePage(_ id: String, _ context: DeskContext) async throws -> Response {
        guard let report = try await reports.athlete(id) else {
            return DeskPage.page(
                title: "Not found — HQScreen", current: "/squad", context,
                "<h1>No athlete \(DeskPage.e(id))</h1><p><a href=\"/squad\">Back to the squad</a></p>"
            ).with(status: .notFound)
        }
        let actions =
            "<div class=\"desk-actions\"><a href=\"#\" data-print>Print</a>"
            + [
                ("report.pdf", "PDF report"), ("handout.pdf", "Athlete handout (PDF)"), ("report.csv", "CSV"),
                ("report.json", "JSON"),
            ].map { "<a href=\"\(DeskPage.athleteHref(id, "/" + $0.0))\" download>\($0.1)</a>" }.joined()
            + "</div>" + detailsForm(id, context)
        var html = ""
        HTMLReport.write(
            report, navigation: DeskPage.navigation("/squad", context) + "<div class=\"desk-top\">\(actions)</div>"
        ) { html += $0 }
        return DeskPage.html(html)
    }

    func detailsForm(_ id: String, _ context: DeskContext) -> String {
        var form = "<details class=\"edit\"><summary>Edit details the files lack</summary>"
        form += "<form class=\"details\" method=\"post\" action=\"\(DeskPage.athleteHref(id, "/details"))\">"
        form += DeskPage.csrfField(context)
        form += "<label>Sex<select name=\"sex\"><option value=\"\"></option><option>female</option>"
        form += "<option>male</option></select></label>"
        form += "<label>Birth date<input type=\"date\" name=\"birthDate\"></label>"
        form += "<label>Sport<input name=\"sport\" maxlength=\"80\"></label>"
        form += "<label>Body mass (kg)<input name=\"bodyMass\" inputmode=\"decimal\" maxlength=\"8\"></label>"
        form += "<button type=\"submit\">Save</button></form></details>"
        return form
    }

    struct DetailsForm: Decodable {
        var csrf: String?
        var sex: String?
        var birthDate: String?
        var sport: String?
        var bodyMass: String?
    }

    func saveDetails(_ id: String, _ request: Request, _ context: DeskContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(DetailsForm.self, from: request, context: context)
        try CSRFProtection.require(form.csrf, request: request)
        var details = AthleteDetails()
        if let sex = form.sex, !sex.isEmpty {
            guard let value = Sex(rawValue: sex) else { throw HTTPError(.badRequest, message: "sex: female or male") }
            details.sex = value
        }
        if let birth = form.birthDate, !birth.isEmpty {
            guard let date = TestDate(iso: birth) else {
                throw HTTPError(.badRequest, message: "birth date: a day as YYYY-MM-DD")
            }
            details.birthDate = date
        }
        if let sport = form.sport?.trimmingCharacters(in: .whitespaces), !sport.isEmpty { details.sport = sport }
        if let mass = form.bodyMass?.replacingOccurrences(of: ",", with: "."), !mass.isEmpty {
            guard let kilograms = Double(mass), kilograms >= 20, kilograms <= 300 else {
                throw HTTPError(.badRequest, message: "body mass: kilograms between 20 and 300")
            }
            details.bodyMassKg = kilograms
        }
        guard !details.isEmpty else {
            return Response(status: .seeOther, headers: [.location: DeskPage.athleteHref(id)])
        }
        guard try await store.record(details, athlete: id, on: options.today()) else {
            throw HTTPError(.notFound, message: "no athlete \(id)")
        }
        return Response(status: .seeOther, headers: [.location: DeskPage.athleteHref(id)])
    }

    func download(_ id: String, _ name: String, _ render: @escaping (ScreeningReport) -> [UInt8]?) async throws
        -> Response
    {
        guard let report = try await reports.athlete(id) else {
            throw HTTPError(.notFound, message: "no athlete \(id)")
        }
        guard let bytes = render(report) else {
            throw HTTPError(.internalServerError, message: "the \(name) could not be made")
        }
        let type =
            name.hasSuffix(".pdf")
            ? "application/pdf" : name.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "application/json"
        let file = SafeFileName.make([id]) + "-" + name
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(file)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    func thresholdsPage(_ context: DeskContext) -> Response {
        var html = "<header><h1>Thresholds: profile \(DeskPage.e(options.profile.name))</h1>"
        html += "<p class=\"evidence\">\(DeskPage.e(ScreeningReport.evidenceNote))</p></header>"
        html += "<pre class=\"profile\">\(DeskPage.e(ProfileText.render(options.profile)))</pre>"
        return DeskPage.page(title: "Thresholds — HQScreen", current: "/thresholds", context, html)
    }
}

extension Response {
    func with(status: HTTPResponse.Status) -> Response {
        var copy = self
        copy.status = status
        return copy
    }
}
