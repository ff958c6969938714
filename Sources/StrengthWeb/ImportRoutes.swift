import Foundation
import Hummingbird
import StrengthAnalysis
import StrengthImport
import StrengthModel
import StrengthReport
import StrengthStore

/// Import: drop files, see what each holds and every problem, then store them (the `import` rules).
struct ImportRoutes {
    let store: any HistoryStore
    let staging: UploadStaging
    let options: DeskOptions

    func add(to router: Router<DeskContext>) {
        router.get("/import") { _, context in form(context) }
        router.post("/import") { request, context in try await preview(request, context) }
        router.post("/import/confirm") { request, context in try await confirm(request, context) }
        router.post("/import/cancel") { request, context in try await cancel(request, context) }
    }

    func form(_ context: DeskContext, error: String? = nil) -> Response {
        var html = "<header><h1>Import strength tests</h1><p class=\"muted\">CSV exports of isokinetic dynamometers, "
        html += "NordBord, ForceFrame, hand-held dynamometers, Strong or Hevy gym logs and team spreadsheets "
        html += "(<code>hqscreen formats</code> lists them). Nothing is stored until you confirm.</p></header>"
        if let error { html += "<p class=\"error\">\(DeskPage.e(error))</p>" }
        html += "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\">"
        html += DeskPage.csrfField(context)
        html += "<div class=\"drop\"><p>Drop CSV files here, or choose them:</p>"
        html += "<input type=\"file\" name=\"files\" multiple accept=\".csv,.txt,text/csv\" required>"
        html += "<p class=\"names muted\"></p></div>"
        html += "<p class=\"muted\">For files that lack them:</p><div class=\"options\">"
        html += "<label>Squad<input name=\"squad\" maxlength=\"80\"></label>"
        html += "<label>Sex<select name=\"sex\"><option value=\"\"></option><option>female</option>"
        html += "<option>male</option></select></label>"
        html += "<label>Body mass (kg)<input name=\"bodyMass\" inputmode=\"decimal\" maxlength=\"8\"></label>"
        html += "<label>Weight unit<select name=\"weightUnit\"><option value=\"\"></option><option>kg</option>"
        html += "<option>lb</option></select></label>"
        html += "<label>Test date<input type=\"date\" name=\"date\"></label>"
        html += "<label>Mapping file (docs/input-formats.md)<input type=\"file\" name=\"mapping\" "
        html += "accept=\".yaml,.yml,.txt\"></label></div>"
        html += "<p><button class=\"primary\" type=\"submit\">Check the files</button></p></form>"
        return DeskPage.page(title: "Import — HQScreen", current: "/import", context, html)
    }

    func preview(_ request: Request, _ context: DeskContext) async throws -> Response {
        let (token, folder) = try await staging.newFolder()
        let upload: MultipartUpload
        do {
            upload = try await MultipartUpload.read(request, into: folder, limit: options.maxUploadBytes)
        } catch let failure as MultipartUpload.Failure {
            await staging.discard(token)
            switch failure {
            case .notMultipart:
                throw HTTPError(.unsupportedMediaType, message: "send the files as multipart/form-data")
            case .tooLarge(let limit):
                throw HTTPError(
                    .contentTooLarge,
                    message: "the upload is larger than \(limit >> 20) MB (hqscreen serve --max-upload-mb)")
            case .malformed(let reason):
                throw HTTPError(.badRequest, message: reason)
            }
        }
        guard CSRFProtection.accepts(upload.fields[CSRFProtection.fieldName], request: request) else {
            await staging.discard(token)
            throw CSRFProtection.refusal
        }
        let files = upload.files.filter { $0.bytes > 0 && $0.field != "mapping" }
        guard !files.isEmpty else {
            await staging.discard(token)
            return form(context, error: "Choose at least one file that is not empty.").with(status: .badRequest)
        }
        let importOptions: ImportOptions
        do {
            var mapping: Mapping?
            if let file = upload.files.first(where: { $0.field == "mapping" && $0.bytes > 0 }) {
                let text = String(decoding: FileManager.default.contents(atPath: file.path) ?? Data(), as: UTF8.self)
                do {
                    mapping = try Mapping.parse(text, file: file.name)
                } catch {
                    throw HTTPError(.badRequest, message: "The mapping file: \(error.description)")
                }
            }
            importOptions = try Self.options(upload.fields, mapping: mapping, today: options.today())
        } catch let error as HTTPError {
            await staging.discard(token)
            return form(context, error: error.body ?? "").with(status: .badRequest)
        }
        let squad = upload.fields["squad"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let staged = UploadStaging.Upload(files: files, options: importOptions, squad: squad, created: Date())
        let result = Self.read(staged)
        await staging.keep(staged, token: token)
        return DeskPage.page(
            title: "Check the files — HQScreen", current: "/import", context,
            Self.previewHTML(result, staged, token, context))
    }

    /// The staged files read as `import` reads them, under the names they were uploaded with.
    static func read(_ upload: UploadStaging.Upload) -> ImportResult {
        var importer = Importer(options: upload.options)
        importer.foldsTrials = false
        var result = importer.importFiles(upload.files.map(\.path))
        let names = Dictionary(upload.files.map { ($0.path, $0.name) }, uniquingKeysWith: { first, _ in first })
        func named(_ path: String) -> String { names[path] ?? path }
        for index in result.summary.files.indices {
            result.summary.files[index].path = named(result.summary.files[index].path)
        }
        for index in result.summary.diagnostics.indices {
            result.summary.diagnostics[index].file = named(result.summary.diagnostics[index].file)
        }
        for index in result.measurements.indices {
            result.measurements[index].source.file = named(result.measurements[index].source.file)
        }
        for (key, info) in result.sessions { result.sessions[key]?.sources = info.sources.map(named) }
        return result
    }

    /// The page's details for files that lack them, and the mapping file when one was sent.
    static func options(_ fields: [String: String], mapping: Mapping?, today: TestDate) throws -> ImportOptions {
        func field(_ name: String) -> String? {
            fields[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        // Built with the mapping, which brings its own date order, decimal mark and unit.
        var options = ImportOptions(mapping: mapping, today: today)
        if let sex = field("sex") {
            guard let value = Sex(rawValue: sex) else { throw HTTPError(.badRequest, message: "Sex: female or male.") }
            options.sex = value
        }
        if let mass = field("bodyMass") {
            guard let kilograms = Double(mass.replacingOccurrences(of: ",", with: ".")), kilograms >= 20,
                kilograms <= 300
            else { throw HTTPError(.badRequest, message: "Body mass: kilograms between 20 and 300.") }
            options.bodyMassKg = kilograms
        }
        if let unit = field("weightUnit") {
            guard let value = ["kg": MeasurementUnit.kilogram, "lb": .pound][unit] else {
                throw HTTPError(.badRequest, message: "Weight unit: kg or lb.")
            }
            options.weightUnit = value
        }
        if let date = field("date") {
            guard let day = TestDate(iso: date) else {
                throw HTTPError(.badRequest, message: "Test date: a day as YYYY-MM-DD.")
            }
            options.testDate = day
        }
        return options
    }

    static func previewHTML(
        _ result: ImportResult, _ upload: UploadStaging.Upload, _ token: String, _ context: DeskContext
    ) -> String {
        var html = "<header><h1>Check the files before they are stored</h1>"
        html += "<p>\(DeskPage.e(TextReport.importLine(result.summary, pointsToCheck: false)))</p></header>"
        html += "<table class=\"preview\"><tr><th>File</th><th>Layout</th><th>Rows read</th><th>Imported</th>"
        html += "<th>Skipped</th><th>Rejected</th><th>Tests</th></tr>"
        for file in result.summary.files {
            html += "<tr><td>\(DeskPage.e(file.path))</td><td>\(DeskPage.e(file.format ?? "not recognised"))</td>"
            html += "<td>\(file.counts.rowsRead)</td><td>\(file.counts.rowsImported)</td>"
            html += "<td>\(file.counts.rowsSkipped)</td><td>\(file.counts.rowsRejected)</td>"
            html += "<td>\(file.measurements)</td></tr>"
        }
        html += "</table>"
        // Every column is named: what it was read as, or that it was not used.
        for file in result.summary.files where !file.columns.isEmpty {
            let read = file.columns.filter { $0.readAs != nil }.map {
                "\($0.column) ‘\($0.header)’ as \($0.readAs!)"
            }
            let unused = file.columns.filter { $0.readAs == nil }.map { "\($0.column) ‘\($0.header)’" }
            html += "<p class=\"columns\"><strong>\(DeskPage.e(file.path))</strong> reads "
            html += DeskPage.e(read.isEmpty ? "no column" : read.joined(separator: ", "))
            if !unused.isEmpty {
                html += "; <span class=\"error\">not used: \(DeskPage.e(unused.joined(separator: ", ")))</span>"
            }
            html += ".</p>"
        }
        if !result.summary.diagnostics.isEmpty {
            html += "<h3>What the files say (file:line:column)</h3><ul class=\"diagnostics\">"
            for diagnostic in result.summary.diagnostics {
                html += "<li class=\"\(diagnostic.severity.rawValue)\">\(DeskPage.e(diagnostic.formatted))</li>"
            }
            if result.summary.unlistedDiagnostics > 0 {
                html += "<li>… and \(result.summary.unlistedDiagnostics) more rejected rows</li>"
            }
            html += "</ul>"
        }
        html += "<div class=\"desk-actions\">"
        if !result.measurements.isEmpty || !result.sessions.isEmpty {
            html += "<form method=\"post\" action=\"/import/confirm\">\(DeskPage.csrfField(context))"
            html += "<input type=\"hidden\" name=\"token\" value=\"\(token)\">"
            html +=
                "<button class=\"primary\" type=\"submit\">Store \(TextReport.plural(result.measurements.count, "test"))"
            if let squad = upload.squad { html += " in squad \(DeskPage.e(squad))" }
            html += "</button></form>"
        }
        html += "<form method=\"post\" action=\"/import/cancel\">\(DeskPage.csrfField(context))"
        html +=
            "<input type=\"hidden\" name=\"token\" value=\"\(token)\"><button type=\"submit\">Cancel</button></form>"
        return html + "</div>"
    }

    struct TokenForm: Decodable {
        var csrf: String?
        var token: String
    }

    func confirm(_ request: Request, _ context: DeskContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(TokenForm.self, from: request, context: context)
        try CSRFProtection.require(form.csrf, request: request)
        guard let upload = await staging.take(form.token) else {
            return self.form(context, error: "That upload has expired or was already stored: choose the files again.")
                .with(status: .gone)
        }
        defer { Task { await staging.discard(form.token) } }
        let result = Self.read(upload)
        let hashes = Dictionary(upload.files.map { ($0.name, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let outcome = try await store.store(
            result.measurements, sessions: result.sessions, files: result.summary.files, squad: upload.squad,
            fileHashes: hashes)
        var html =
            "<header><h1>Stored</h1><p>\(DeskPage.e(TextReport.importLine(result.summary, pointsToCheck: false)))</p>"
        html += "<p>Stored \(TextReport.plural(outcome.stored, "new test")), \(outcome.alreadyStored) already stored, "
        html += "\(TextReport.plural(outcome.conflicts.count, "conflict")).</p></header>"
        if !outcome.conflicts.isEmpty {
            html += "<h3 class=\"error\">Conflicts: the stored values were kept</h3><ul class=\"diagnostics\">"
            for conflict in outcome.conflicts.prefix(200) {
                html += "<li>\(DeskPage.e(Self.describe(conflict)))</li>"
            }
            html += "</ul>"
        }
        html += "<p><a href=\"/squad\(upload.squad.map { "?squad=" + HTMLReport.percentEncoded($0) } ?? "")\">"
        html += "See the squad</a> · <a href=\"/import\">Import more</a></p>"
        return DeskPage.page(title: "Stored — HQScreen", current: "/import", context, html)
    }

    static func describe(_ c: StoreImportOutcome.Conflict) -> String {
        "\(c.athlete) \(c.date) \(c.test): stored \(Formatting.fixed(c.storedValue, digits: 1)) \(c.unit) "
            + "(\(c.storedSource.file):\(c.storedSource.line)), this import \(Formatting.fixed(c.newValue, digits: 1)) "
            + "\(c.unit) (\(c.newSource.file):\(c.newSource.line))"
    }

    func cancel(_ request: Request, _ context: DeskContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(TokenForm.self, from: request, context: context)
        try CSRFProtection.require(form.csrf, request: request)
        await staging.discard(form.token)
        return Response(status: .seeOther, headers: [.location: "/import"])
    }
}
