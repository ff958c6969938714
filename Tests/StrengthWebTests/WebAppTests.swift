import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StoreTestSupport
import StrengthImport
import StrengthModel
import TestFolders
import Testing

@testable import StrengthStore
@testable import StrengthWeb

/// The desk's routes, through Hummingbird's router test framework, on a real store.
@Suite("hqscreen serve: the screening desk")
struct WebAppTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = ["SampleData/team_long.csv", "SampleData/clinic_wide.csv"]

    /// A desk on a fresh store of `backend` holding `files` (squad "firsts"), on 2026-03-01.
    static func desk(
        _ name: String, backend: StoreBackend = .sqlite, files: [String] = samples, maxUploadBytes: Int = 1 << 20,
        login: DeskLogin? = nil
    ) async throws -> (app: some ApplicationProtocol, store: any HistoryStore, staging: URL) {
        let folder = try TestFolders.fresh("web-\(name)")
        let store = try await HistoryStores.open(try await backend.freshLocation(name, in: folder))
        if !files.isEmpty {
            var importer = Importer()
            importer.foldsTrials = false
            let result = importer.importFiles(files.map { packageRoot.appendingPathComponent($0).path })
            _ = try await store.store(
                result.measurements, sessions: result.sessions, files: result.summary.files, squad: "firsts")
        }
        let staging = folder.appendingPathComponent("staging")
        let options = DeskOptions(
            maxUploadBytes: maxUploadBytes, stagingFolder: staging, generator: "hqscreen test",
            today: { TestDate(year: 2026, month: 3, day: 1)! }, login: login)
        return (Application(router: ScreeningDesk.router(store: store, options: options)), store, staging)
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// The CSRF cookie a first visit sets, as the browser would send it back.
    static func session(_ client: any TestClientProtocol) async throws -> (cookie: HTTPFields, token: String) {
        let response = try await client.execute(uri: "/import", method: .get)
        let set = try #require(response.headers[.setCookie])
        let token = String(set.split(separator: ";")[0].split(separator: "=")[1])
        #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict"))
        return ([.cookie: "hqscreen_csrf=\(token)"], token)
    }

    static let boundary = "----hqscreen-test-boundary"

    static func multipart(
        fields: [(String, String)], files: [(String, String)], mapping: (String, String)? = nil
    ) -> ByteBuffer {
        var body = ""
        if let (filename, content) = mapping {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"mapping\"; filename=\"\(filename)\"\r\n"
            body += "Content-Type: text/plain\r\n\r\n\(content)\r\n"
        }
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for (filename, content) in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(filename)\"\r\n"
            body += "Content-Type: text/csv\r\n\r\n\(content)\r\n"
        }
        return ByteBuffer(string: body + "--\(boundary)--\r\n")
    }

    static func multipartHeaders(_ cookie: HTTPFields) -> HTTPFields {
        var headers = cookie
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return headers
    }

    static func sample(_ path: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("the squad: every athlete linked, most urgent first, filtered by band; security headers on every page")
    func squad() async throws {
        let (app, _, _) = try await Self.desk("squad")
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/squad", method: .get)
            #expect(page.status == .ok)
            let html = Self.text(page)
            #expect(html.contains("2 red · 3 amber · 3 green"))
            #expect(html.contains("<a href=\"/athletes/P-102\">Tom Becker</a>"))
            let order = ["Tom Becker", "Sam Sprinter", "Ines Costa"].map { html.range(of: $0)!.lowerBound }
            #expect(order == order.sorted())
            #expect(page.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[.cacheControl] == "no-store")
            let red = Self.text(try await client.execute(uri: "/squad?band=red", method: .get))
            #expect(red.contains("Tom Becker") && red.contains("Zoë O&#39;Brien") || red.contains("Zoë O&#x27;Brien"))
            #expect(!red.contains("Sam Sprinter"))
            let none = Self.text(try await client.execute(uri: "/squad?squad=reserves", method: .get))
            #expect(Self.text(try await client.execute(uri: "/squad", method: .get)) == html, "the same page again")
            #expect(none.contains("No tests stored yet."))
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .seeOther && home.headers[.location] == "/squad")
        }
    }

    @Test("an athlete: findings, history, the program, downloads; an unknown id is 404")
    func athlete() async throws {
        let (app, _, _) = try await Self.desk("athlete")
        try await app.test(.router) { client in
            let html = Self.text(try await client.execute(uri: "/athletes/A02", method: .get))
            #expect(html.contains("Hamstring:quadriceps screening — Sam Sprinter"))
            #expect(html.contains("Hcon/Qcon 60°/s"))
            #expect(html.contains("Hip raise"))
            #expect(html.contains("Leg curl"))
            #expect(html.contains("href=\"/athletes/A02/report.pdf\""))
            let pdf = try await client.execute(uri: "/athletes/A02/report.pdf", method: .get)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(Array(pdf.body.readableBytesView.prefix(5)) == Array("%PDF-".utf8))
            #expect(pdf.headers[.contentDisposition] == "attachment; filename=\"a02-report.pdf\"")
            let handout = try await client.execute(uri: "/athletes/A02/handout.pdf", method: .get)
            #expect(Array(handout.body.readableBytesView.prefix(5)) == Array("%PDF-".utf8))
            #expect(handout.body.readableBytes < pdf.body.readableBytes, "the handout is the shorter document")
            let script = try await client.execute(uri: "/static/desk.js", method: .get)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(Self.text(script).contains("window.print()"))
            let csv = Self.text(try await client.execute(uri: "/athletes/A02/report.csv", method: .get))
            #expect(csv.dropFirst().hasPrefix("athlete,name,date,"))
            #expect(csv.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasPrefix("A02,") })
            let json = try await client.execute(uri: "/athletes/A02/report.json", method: .get)
            let object = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any]
            #expect((object?["assessments"] as? [Any])?.count == 2)
            let missing = try await client.execute(uri: "/athletes/nobody", method: .get)
            #expect(missing.status == .notFound)
            #expect(try await client.execute(uri: "/athletes/nobody/report.pdf", method: .get).status == .notFound)
        }
    }

    @Test("an id with a slash, a space and an accent is one path segment, there and back")
    func awkwardId() async throws {
        let (app, store, _) = try await Self.desk("awkward-id", files: [])
        let folder = try TestFolders.fresh("web-awkward")
        let file = folder.appendingPathComponent("odd.csv")
        try Data(
            ("athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"
                + "A/1 ü,2026-01-12,L,hamstrings,concentric,60,104\nA/1 ü,2026-01-12,L,quadriceps,concentric,60,200\n")
                .utf8
        ).write(to: file)
        let result = Importer().importFiles([file.path])
        _ = try await store.store(result.measurements, sessions: result.sessions, files: result.summary.files)
        try await app.test(.router) { client in
            let squad = Self.text(try await client.execute(uri: "/squad", method: .get))
            #expect(squad.contains("href=\"/athletes/A%2F1%20%C3%BC\""))
            let page = try await client.execute(uri: "/athletes/A%2F1%20%C3%BC", method: .get)
            #expect(page.status == .ok)
            #expect(Self.text(page).contains("A/1 ü"))
        }
    }

    @Test("import: the preview names the layout, the row accounting and every problem; confirming stores it")
    func importFlow() async throws {
        let (app, store, staging) = try await Self.desk("import", files: [])
        let long = try Self.sample("SampleData/team_long.csv")
        try await app.test(.router) { client in
            let (cookie, token) = try await Self.session(client)
            let preview = try await client.execute(
                uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                body: Self.multipart(fields: [("csrf", token), ("squad", "firsts")], files: [("team_long.csv", long)]))
            #expect(preview.status == .ok)
            let html = Self.text(preview)
            #expect(
                html.contains("<td>team_long.csv</td><td>generic-long</td><td>107</td><td>106</td><td>1</td><td>0</td>")
            )
            #expect(html.contains("team_long.csv:"))
            #expect(html.contains("<strong>team_long.csv</strong> reads 1 ‘Athlete ID’ as athlete, 2 ‘Name’ as name"))
            #expect(!html.contains("not used"))
            let noted = try await client.execute(
                uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                body: Self.multipart(
                    fields: [("csrf", token)],
                    files: [
                        (
                            "noted.csv",
                            "athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm,notes\n"
                                + "N1,2026-01-12,L,hamstrings,concentric,60,104,sore\n"
                        )
                    ]))
            #expect(Self.text(noted).contains("not used: 8 ‘notes’"))
            #expect(html.contains("Store 106 tests in squad firsts"))
            #expect(try await store.athletes().isEmpty, "nothing is stored before the confirmation")
            let upload = try #require(html.range(of: "name=\"token\" value=\"")).upperBound
            let uploadToken = String(html[upload...].prefix(64))
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            let stored = try await client.execute(
                uri: "/import/confirm", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&token=\(uploadToken)"))
            #expect(Self.text(stored).contains("Stored 106 new tests, 0 already stored, 0 conflicts."))
            #expect(try await store.athletes().map(\.id) == ["A01", "A02", "A03", "A04", "A05"])
            #expect(try await store.athletes().allSatisfy { $0.squad == "firsts" })
            // The file is recorded under the name it was uploaded with, and its SHA-256.
            let recorded = try await store.tests(athlete: "A01").summary.files.map(\.path)
            #expect(recorded == ["team_long.csv"])
            // A second confirmation of the same upload finds nothing, and the staged files are gone.
            let again = try await client.execute(
                uri: "/import/confirm", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&token=\(uploadToken)"))
            #expect(again.status == .gone)
            try await Task.sleep(for: .milliseconds(100))
            // Only the upload never confirmed (noted.csv) is still waiting.
            #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).count == 1)
        }
    }

    @Test("50 uploads of different files at once all land, whole", arguments: StoreBackend.available)
    func concurrentUploads(_ backend: StoreBackend) async throws {
        let (app, store, staging) = try await Self.desk("concurrent-\(backend)", backend: backend, files: [])
        try await app.test(.router) { client in
            let (cookie, token) = try await Self.session(client)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        var rows = ["athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm"]
                        for side in ["L", "R"] {
                            for (muscle, velocity, torque) in [
                                ("quadriceps", 60, 200), ("hamstrings", 60, 110), ("quadriceps", 180, 150),
                                ("hamstrings", 180, 90),
                            ] {
                                rows.append(
                                    "U\(index),2026-02-0\(1 + index % 9),\(side),\(muscle),concentric,\(velocity),\(torque + index)"
                                )
                            }
                        }
                        let preview = try await client.execute(
                            uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                            body: Self.multipart(
                                fields: [("csrf", token), ("squad", "uploads")],
                                files: [("u\(index).csv", rows.joined(separator: "\n") + "\n")]))
                        let html = Self.text(preview)
                        let start = try #require(html.range(of: "name=\"token\" value=\"")).upperBound
                        var form = cookie
                        form[.contentType] = "application/x-www-form-urlencoded"
                        let stored = try await client.execute(
                            uri: "/import/confirm", method: .post, headers: form,
                            body: ByteBuffer(string: "csrf=\(token)&token=\(html[start...].prefix(64))"))
                        #expect(Self.text(stored).contains("Stored 8 new tests, 0 already stored, 0 conflicts."))
                    }
                }
                try await group.waitForAll()
            }
        }
        let athletes = try await store.athletes()
        #expect(athletes.count == 50)
        #expect(athletes.allSatisfy { $0.tests == 8 && $0.squad == "uploads" })
        try await Task.sleep(for: .milliseconds(200))
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path) == [])
        await store.close()
    }

    @Test("a mapping file sent with the upload reads a layout nobody has seen; a wrong one is named with its line")
    func mapping() async throws {
        let (app, store, _) = try await Self.desk("mapping", files: [])
        let export =
            "Northside export v2\nwho;when;leg;muscle;torque;note\nN1;12.01.2026;L;hamstrings;104,5;x\n"
            + "N1;12.01.2026;L;quadriceps;200,0;y\n"
        let mapping = """
            skip 1
            delimiter semicolon
            decimal-mark comma
            date-format dmy
            columns athlete, date, side, muscle, value, -
            constant velocity 60
            constant contraction concentric
            unit Nm

            """
        try await app.test(.router) { client in
            let (cookie, token) = try await Self.session(client)
            let preview = try await client.execute(
                uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                body: Self.multipart(
                    fields: [("csrf", token)], files: [("northside.csv", export)], mapping: ("northside.map", mapping)))
            let html = Self.text(preview)
            #expect(html.contains("<td>northside.csv</td>"))
            #expect(html.contains("Store 2 tests"))
            #expect(!html.contains("<td>northside.map</td>"), "the mapping is not a file to import")
            let start = try #require(html.range(of: "name=\"token\" value=\"")).upperBound
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            _ = try await client.execute(
                uri: "/import/confirm", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&token=\(html[start...].prefix(64))"))
            let wrong = try await client.execute(
                uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                body: Self.multipart(
                    fields: [("csrf", token)], files: [("northside.csv", export)],
                    mapping: ("bad.map", "unit furlongs\n")))
            #expect(wrong.status == .badRequest)
            #expect(Self.text(wrong).contains("The mapping file: bad.map:1: unit must be one of:"))
        }
        #expect(try await store.tests().measurements.map(\.value.si) == [104.5, 200])
    }

    @Test("a changed value for a stored test: the conflict names both uploads, the stored value stays")
    func conflict() async throws {
        let (app, store, _) = try await Self.desk("conflict", files: [])
        let header = "athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"
        try await app.test(.router) { client in
            let (cookie, token) = try await Self.session(client)
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            var pages: [String] = []
            for (name, value) in [("first.csv", "104"), ("edited.csv", "99.5")] {
                let html = Self.text(
                    try await client.execute(
                        uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                        body: Self.multipart(
                            fields: [("csrf", token)],
                            files: [(name, header + "A1,2026-01-12,L,hamstrings,concentric,60,\(value)\n")])))
                let start = try #require(html.range(of: "name=\"token\" value=\"")).upperBound
                pages.append(
                    Self.text(
                        try await client.execute(
                            uri: "/import/confirm", method: .post, headers: form,
                            body: ByteBuffer(string: "csrf=\(token)&token=\(html[start...].prefix(64))"))))
            }
            #expect(pages[1].contains("Stored 0 new tests, 0 already stored, 1 conflict."))
            #expect(
                pages[1].contains(
                    "A1 2026-01-12 left hamstrings concentric at 60°/s (isokinetic): stored 104.0 Nm (first.csv:2), "
                        + "this import 99.5 Nm (edited.csv:2)"))
        }
        #expect(try await store.tests().measurements.map(\.value.si) == [104])
    }

    @Test("cancelling an upload forgets it: its files go, and it can no longer be stored")
    func cancel() async throws {
        let (app, store, staging) = try await Self.desk("cancel", files: [])
        let long = try Self.sample("SampleData/team_long.csv")
        try await app.test(.router) { client in
            let (cookie, token) = try await Self.session(client)
            let html = Self.text(
                try await client.execute(
                    uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                    body: Self.multipart(fields: [("csrf", token)], files: [("a.csv", long)])))
            let start = try #require(html.range(of: "name=\"token\" value=\"")).upperBound
            let upload = String(html[start...].prefix(64))
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            let cancelled = try await client.execute(
                uri: "/import/cancel", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&token=\(upload)"))
            #expect(cancelled.status == .seeOther && cancelled.headers[.location] == "/import")
            #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path) == [])
            let late = try await client.execute(
                uri: "/import/confirm", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&token=\(upload)"))
            #expect(late.status == .gone)
        }
        #expect(try await store.athletes().isEmpty)
    }

    @Test("every form needs the CSRF token: without it, 403 and nothing staged or stored")
    func csrf() async throws {
        let (app, store, staging) = try await Self.desk("csrf", files: [])
        let long = try Self.sample("SampleData/team_long.csv")
        try await app.test(.router) { client in
            let (cookie, _) = try await Self.session(client)
            let upload = try await client.execute(
                uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                body: Self.multipart(fields: [("csrf", String(repeating: "0", count: 64))], files: [("a.csv", long)]))
            #expect(upload.status == .forbidden)
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            let confirm = try await client.execute(
                uri: "/import/confirm", method: .post, headers: form, body: ByteBuffer(string: "token=x"))
            #expect(confirm.status == .forbidden)
            let details = try await client.execute(
                uri: "/athletes/A01/details", method: .post, headers: form, body: ByteBuffer(string: "sex=female"))
            #expect(details.status == .forbidden)
        }
        #expect(try await store.athletes().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path) == [])
    }

    @Test("an upload over the limit is 413, and nothing of it is left on disk")
    func tooLarge() async throws {
        let (app, _, staging) = try await Self.desk("too-large", files: [], maxUploadBytes: 2000)
        let long = try Self.sample("SampleData/team_long.csv")
        try await app.test(.router) { client in
            let (cookie, token) = try await Self.session(client)
            let response = try await client.execute(
                uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                body: Self.multipart(fields: [("csrf", token)], files: [("big.csv", long)]))
            #expect(response.status == .contentTooLarge)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path) == [])
    }

    @Test("hostile file names and contents: shown escaped, never used as a path, no crash")
    func hostile() async throws {
        let (app, _, staging) = try await Self.desk("hostile", files: [])
        try await app.test(.router) { client in
            let (cookie, token) = try await Self.session(client)
            let name = "../../etc/<script>alert(1)</script>.csv"
            let garbage = String(decoding: (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }, as: UTF8.self)
            let preview = try await client.execute(
                uri: "/import", method: .post, headers: Self.multipartHeaders(cookie),
                body: Self.multipart(
                    fields: [("csrf", token)],
                    files: [
                        (name, "athlete_id,date\n<img src=x onerror=alert(1)>,2026-01-01\n"),
                        ("\\evil\\x.csv", garbage),
                    ]))
            #expect(preview.status == .ok)
            let html = Self.text(preview)
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<img src=x"))
            // A name is its last path component: "script>.csv" (the slash of </script> ends the path).
            #expect(html.contains("<td>script&gt;.csv</td>"))
            #expect(html.contains("<td>x.csv</td>"))
            #expect(!FileManager.default.fileExists(atPath: staging.deletingLastPathComponent().path + "/etc"))
        }
        // The staged files are the upload's numbered copies, in its own folder.
        let uploads = try FileManager.default.contentsOfDirectory(atPath: staging.path)
        #expect(uploads.count == 1)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: staging.path + "/" + uploads[0]).sorted() == [
                "1.csv", "2.csv",
            ])
    }

    @Test("details saved from the athlete's page are used by the report")
    func details() async throws {
        let (app, store, _) = try await Self.desk("details")
        try await app.test(.router) { client in
            let (cookie, token) = try await Self.session(client)
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            let saved = try await client.execute(
                uri: "/athletes/P-101/details", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&sex=female&birthDate=2000-06-30&sport=soccer&bodyMass="))
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/athletes/P-101")
            let bad = try await client.execute(
                uri: "/athletes/P-101/details", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&bodyMass=9000"))
            #expect(bad.status == .badRequest)
        }
        let latest = try await store.tests(athlete: "P-101").sessions.values.max { $0.date < $1.date }
        #expect(latest?.sex == .female)
        #expect(latest?.age == 25)
    }

    @Test("the squad page is made again after a change to the store, even one by another program")
    func freshAfterChange() async throws {
        let (app, store, _) = try await Self.desk("fresh", files: ["SampleData/team_long.csv"])
        try await app.test(.router) { client in
            let before = Self.text(try await client.execute(uri: "/squad", method: .get))
            #expect(!before.contains("Noor Haddad"))
            var importer = Importer()
            importer.foldsTrials = false
            let result = importer.importFiles([
                Self.packageRoot.appendingPathComponent("SampleData/clinic_wide.csv").path
            ])
            _ = try await store.store(result.measurements, sessions: result.sessions, files: result.summary.files)
            let after = Self.text(try await client.execute(uri: "/squad", method: .get))
            #expect(after.contains("Noor Haddad"))
        }
    }

    @Test("the API: athletes, an athlete's and a squad's report in the JSON contract")
    func api() async throws {
        let (app, _, _) = try await Self.desk("api")
        try await app.test(.router) { client in
            let list = try await client.execute(uri: "/api/athletes", method: .get)
            #expect(list.headers[.contentType] == "application/json; charset=utf-8")
            let athletes = try JSONSerialization.jsonObject(with: Data(buffer: list.body)) as? [String: [[String: Any]]]
            #expect(athletes?["athletes"]?.count == 8)
            #expect(athletes?["athletes"]?.first?["id"] as? String == "A01")
            #expect(athletes?["athletes"]?.first?["testDays"] as? Int == 2)
            // The bands the squad's team summary gives: Alex Runner amber, Tom Becker red, Noor Haddad green.
            let bands = Dictionary(
                uniqueKeysWithValues: (athletes?["athletes"] ?? []).map {
                    ($0["id"] as? String ?? "", $0["latestBand"] as? String)
                })
            #expect(bands["A01"] == "amber")
            #expect(bands["P-102"] == "red")
            #expect(bands["P-101"] == "green")
            let one = try await client.execute(uri: "/api/athletes/A02", method: .get)
            let report = try JSONSerialization.jsonObject(with: Data(buffer: one.body)) as? [String: Any]
            #expect(
                (report?["assessments"] as? [[String: Any]])?.allSatisfy { $0["athlete"] as? String == "A02" } == true)
            #expect(try await client.execute(uri: "/api/athletes/nobody", method: .get).status == .notFound)
            let squad = try await client.execute(uri: "/api/squad?squad=firsts", method: .get)
            let squadReport = try JSONSerialization.jsonObject(with: Data(buffer: squad.body)) as? [String: Any]
            #expect((squadReport?["assessments"] as? [Any])?.count == 11)
        }
    }

    @Test("with a login: everything but the log-in page needs a session; a wrong password none; log-out ends it")
    func login() async throws {
        // Cost 4 keeps the test quick; the desk checks any bcrypt hash alike.
        let login = DeskLogin(passwordHash: DeskLogin.makeHash("correct horse battery", cost: 4), secureCookies: true)
        let (app, _, _) = try await Self.desk("login", login: login)
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/squad", method: .get)
            #expect(page.status == .seeOther && page.headers[.location] == "/login")
            #expect(try await client.execute(uri: "/api/athletes", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/athletes/A02/report.pdf", method: .get).status == .seeOther)
            #expect(try await client.execute(uri: "/static/desk.css", method: .get).status == .ok)
            let first = try await client.execute(uri: "/login", method: .get)
            #expect(Self.text(first).contains("type=\"password\""))
            let set = try #require(first.headers[.setCookie])
            let token = String(set.split(separator: ";")[0].split(separator: "=")[1])
            var form: HTTPFields = [
                .cookie: "hqscreen_csrf=\(token)", .contentType: "application/x-www-form-urlencoded",
            ]
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&password=correct+horse+battery+staple"))
            #expect(wrong.status == .unauthorized)
            #expect(
                Self.text(wrong).contains("That is not the desk&#39;s password.")
                    || Self.text(wrong).contains("That is not the desk&#x27;s password."))
            #expect(wrong.headers[.setCookie] == nil)
            let right = try await client.execute(
                uri: "/login", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(token)&password=correct+horse+battery"))
            #expect(right.status == .seeOther && right.headers[.location] == "/squad")
            let session = try #require(right.headers[.setCookie])
            #expect(session.contains("HttpOnly") && session.contains("Secure") && session.contains("SameSite=Strict"))
            let id = String(session.split(separator: ";")[0].split(separator: "=")[1])
            form[.cookie] = "hqscreen_csrf=\(token); hqscreen_session=\(id)"
            let squad = try await client.execute(uri: "/squad", method: .get, headers: form)
            #expect(squad.status == .ok)
            #expect(Self.text(squad).contains("Log out"))
            #expect(try await client.execute(uri: "/api/athletes", method: .get, headers: form).status == .ok)
            let out = try await client.execute(
                uri: "/logout", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(token)"))
            #expect(out.status == .seeOther && out.headers[.location] == "/login")
            #expect(try await client.execute(uri: "/squad", method: .get, headers: form).status == .seeOther)
            // A made-up session is no session.
            form[.cookie] = "hqscreen_csrf=\(token); hqscreen_session=\(String(repeating: "a", count: 64))"
            #expect(try await client.execute(uri: "/squad", method: .get, headers: form).status == .seeOther)
        }
    }

    @Test("the thresholds page shows the active profile with its sources")
    func thresholds() async throws {
        let (app, _, _) = try await Self.desk("thresholds", files: [])
        try await app.test(.router) { client in
            let html = Self.text(try await client.execute(uri: "/thresholds", method: .get))
            #expect(html.contains("Thresholds: profile default-v1"))
            #expect(html.contains("Croisier"))
        }
    }

    @Test("the desk serves a PostgreSQL store the same way", .enabled(if: StoreBackend.postgresServer != nil))
    func postgres() async throws {
        let (app, store, _) = try await Self.desk("postgres", backend: .postgres)
        try await app.test(.router) { client in
            let html = Self.text(try await client.execute(uri: "/squad", method: .get))
            #expect(html.contains("2 red · 3 amber · 3 green"))
            let api = try await client.execute(uri: "/api/athletes/A02", method: .get)
            #expect(api.status == .ok)
        }
        // A connection is closed before it goes.
        await store.close()
    }
}
