import Foundation
import HTTPTypes
import Hummingbird

/// Double-submit CSRF protection: a random token in a strict same-site cookie, repeated in every
/// form (or an `X-CSRF-Token` header); a POST without the two matching is refused (403).
struct CSRFProtection: RouterMiddleware {
    typealias Context = DeskContext
    static let cookieName = "hqscreen_csrf"
    static let fieldName = "csrf"

    func handle(_ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let existing = request.cookies[Self.cookieName]?.value
        let valid = existing.map { $0.count == 64 && $0.allSatisfy(\.isHexDigit) } ?? false
        context.csrfToken = valid ? existing! : Self.newToken()
        var response = try await next(request, context)
        if !valid {
            response.setCookie(
                Cookie(name: Self.cookieName, value: context.csrfToken, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    static func newToken() -> String {
        // The system generator is the kernel's (getrandom): fit for secrets.
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Whether a form's (or header's) token is the cookie's, compared in constant time.
    static func accepts(_ submitted: String?, request: Request) -> Bool {
        guard let cookie = request.cookies[cookieName]?.value, cookie.count == 64,
            let submitted = submitted ?? request.headers[.csrfToken], submitted.utf8.count == cookie.utf8.count
        else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(submitted.utf8, cookie.utf8) { difference |= a ^ b }
        return difference == 0
    }

    static let refusal = HTTPError(
        .forbidden, message: "This form has expired or did not come from this desk: reload the page.")

    static func require(_ submitted: String?, request: Request) throws {
        guard accepts(submitted, request: request) else { throw refusal }
    }
}

extension HTTPField.Name {
    static let csrfToken = Self("X-CSRF-Token")!
}
