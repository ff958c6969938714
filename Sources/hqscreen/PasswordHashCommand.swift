import ArgumentParser
import Foundation
import StrengthWeb

struct PasswordHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password-hash",
        abstract: "Read a password from standard input and print its bcrypt hash, for serve --password-file.",
        discussion: """
            The desk keeps only the hash: hqscreen password-hash > desk.password (type the password, then \
            Enter). The password is at least 12 characters.
            """)

    func run() throws {
        guard let line = readLine(strippingNewline: true) else {
            FileHandleOutput.standardError("hqscreen: no password on standard input\n")
            throw ExitCode(1)
        }
        guard line.count >= 12 else {
            FileHandleOutput.standardError("hqscreen: the password is shorter than 12 characters\n")
            throw ExitCode(1)
        }
        try FileHandleOutput.standardOutput(DeskLogin.makeHash(line) + "\n")
    }
}
