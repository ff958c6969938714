import Foundation
import HummingbirdBcrypt

/// The desk's login: one password for the clinic, kept only as a bcrypt hash (`hqscreen password-hash`).
public struct DeskLogin: Sendable {
    public var passwordHash: String
    /// Session cookies only over HTTPS: true when the desk serves TLS.
    public var secureCookies: Bool
    /// How long a session lasts without a new login.
    public var sessionLifetime: TimeInterval

    public init(passwordHash: String, secureCookies: Bool, sessionLifetime: TimeInterval = 12 * 3600) {
        self.passwordHash = passwordHash
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
    }

    public enum FileError: Error, CustomStringConvertible {
        case unreadable(String)
        case notAHash(String)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read the password file \(path)"
            case .notAHash(let path):
                "the password file \(path) must hold a bcrypt hash, not a password: "
                    + "hqscreen password-hash > \(path) makes one"
            }
        }
    }

    /// A password's bcrypt hash (cost 12 by default, about a quarter of a second to check: slow for guessing).
    public static func makeHash(_ password: String, cost: UInt8 = 12) -> String { Bcrypt.hash(password, cost: cost) }

    /// The hash in `path`: one line, as `hqscreen password-hash` writes it.
    public static func hash(inFile path: String) throws(FileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // "$2b$12$" and 53 characters of salt and hash.
        guard text.count == 60, text.hasPrefix("$2"), text.dropFirst(3).hasPrefix("$") else { throw .notAHash(path) }
        return text
    }
}
