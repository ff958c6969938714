import Hummingbird

/// A request's context on the desk: Hummingbird's, and the request's CSRF token (the cookie's, or
/// a new one the response will set).
public struct DeskContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token every form on the page carries and every POST must return.
    public var csrfToken = ""
    /// True when the desk has a login and this request comes with a live session.
    public var signedIn = false

    public init(source: Source) { coreContext = .init(source: source) }

    /// Forms other than uploads are small; uploads are streamed and limited by `DeskOptions`.
    public var maxUploadSize: Int { 1 << 16 }
}
