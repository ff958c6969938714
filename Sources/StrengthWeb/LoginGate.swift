import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt

/// Live sessions: random ids (256 bits) held in memory only, ending after their lifetime, at log-out
/// or when the desk stops.
actor SessionStore {
    private var expiries: [String: Date] = [:]

    func start(lifetime: TimeInterval) -> String {
        let now = Date()
        expiries = expiries.filter { $0.value > now }
        let id = CSRFProtection.newToken()
        expiries[id] = now.addingTimeInterval(lifetime)
        return id
    }

    func isLive(_ id: String) -> Bool { (expiries[id].map { $0 > Date() }) ?? false }

    func end(_ id: String) { expiries[id] = nil }
}

/// With a login, every page and API call needs a live session; without one a page goes to the
/// log-in page and an API call is 401. The stylesheet, the script and the log-in page are open.
struct LoginGate: RouterMiddleware {
    typealias Context = DeskContext
    static let cookieName = "hqscreen_session"
    let login: DeskLogin
    let sessions: SessionStore

    func handle(_ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response)
        async throws -> Response
    {
        let path = request.uri.path
        if path == "/login" || path.hasPrefix("/static/") { return try await next(request, context) }
        if let id = request.cookies[Self.cookieName]?.value, await sessions.isLive(id) {
            var context = context
            context.signedIn = true
            return try await next(request, context)
        }
        if path.hasPrefix("/api/") { throw HTTPError(.unauthorized, message: "log in at /login first") }
        return Response(status: .seeOther, headers: [.location: "/login"])
    }
}

/// `/login` and `/logout`.
struct LoginRoutes {
    let login: DeskLogin
    let sessions: SessionStore

    func add(to router: Router<DeskContext>) {
        router.get("/login") { _, context in page(context) }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, context in try await signOut(request, context) }
    }

    func page(_ context: DeskContext, error: String? = nil) -> Response {
        var html = "<header><h1>Log in to the screening desk</h1></header>"
        if let error { html += "<p class=\"error\">\(DeskPage.e(error))</p>" }
        html += "<form class=\"details\" method=\"post\" action=\"/login\">\(DeskPage.csrfField(context))"
        html += "<label>Password<input type=\"password\" name=\"password\" autocomplete=\"current-password\" "
        html += "required autofocus></label><button class=\"primary\" type=\"submit\">Log in</button></form>"
        return DeskPage.page(title: "Log in — HQScreen", current: "/login", context, html)
    }

    struct Form: Decodable {
        var csrf: String?
        var password: String?
    }

    func signIn(_ request: Request, _ context: DeskContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(Form.self, from: request, context: context)
        try CSRFProtection.require(form.csrf, request: request)
        guard let password = form.password, !password.isEmpty, password.utf8.count <= 1024,
            Bcrypt.verify(password, hash: login.passwordHash)
        else {
            // A second per wrong guess, on top of bcrypt's own cost, without holding a thread.
            try await Task.sleep(for: .seconds(1))
            return page(context, error: "That is not the desk's password.").with(status: .unauthorized)
        }
        let id = await sessions.start(lifetime: login.sessionLifetime)
        var response = Response(status: .seeOther, headers: [.location: "/squad"])
        response.setCookie(
            Cookie(
                name: LoginGate.cookieName, value: id, maxAge: Int(login.sessionLifetime), path: "/",
                secure: login.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func signOut(_ request: Request, _ context: DeskContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(Form.self, from: request, context: context)
        try CSRFProtection.require(form.csrf, request: request)
        if let id = request.cookies[LoginGate.cookieName]?.value { await sessions.end(id) }
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(
            Cookie(
                name: LoginGate.cookieName, value: "", maxAge: 0, path: "/", secure: login.secureCookies,
                httpOnly: true, sameSite: .strict))
        return response
    }
}
