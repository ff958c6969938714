import Foundation
import Hummingbird
import StrengthModel
import StrengthReport
import StrengthStore

/// `/api/`: the same data as the pages, in the JSON contract (docs/json.md) for reports.
struct APIRoutes {
    let store: any HistoryStore
    let reports: DeskReports

    func add(to router: Router<DeskContext>) {
        router.get("/api/athletes") { _, _ in try await athletes() }
        router.get("/api/athletes/{id}") { _, context in
            let raw = try context.parameters.require("id")
            let id = raw.removingPercentEncoding ?? raw
            guard let report = try await reports.athlete(id) else {
                throw HTTPError(.notFound, message: "no athlete \(id)")
            }
            return try json(JSONReport.render(report))
        }
        router.get("/api/squad") { request, _ in
            let squad = request.uri.queryParameters.get("squad").flatMap { $0.isEmpty ? nil : String($0) }
            return try json(JSONReport.render(try await reports.squad(squad)))
        }
    }

    struct Athlete: Encodable {
        var id: String
        var name: String?
        var squad: String?
        var testDays: Int
        var tests: Int
        var latestTest: String?
        /// The latest test's band, as the squad's team summary gives it; null when nothing was judged.
        var latestBand: String?
    }

    func athletes() async throws -> Response {
        var bands: [String: String] = [:]
        for row in try await reports.squad(nil).teamRows {
            if let band = row.latest.worstBand { bands[row.latest.athlete] = band.rawValue }
        }
        let list = try await store.athletes().map {
            Athlete(
                id: $0.id, name: $0.name, squad: $0.squad, testDays: $0.sessions, tests: $0.tests,
                latestTest: $0.latestTest?.description, latestBand: bands[$0.id])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return json(String(decoding: try encoder.encode(["athletes": list]), as: UTF8.self) + "\n")
    }

    func json(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
