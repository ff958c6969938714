#if canImport(Glibc)
    import Glibc
#endif

/// Standard input (`-`), pipes, FIFOs and process substitutions can be read only once, but a file
/// is read twice (a sample to sniff, then the stream). Such inputs are copied, once, to a private
/// temporary file that is removed after the import.
enum StreamSpool {
    enum Outcome {
        /// A regular file (or a path that fails on its own, with its own message).
        case file
        case spooled(String)
        case failed(String)
    }

    static func spoolIfStream(_ path: String) -> Outcome {
        let input: Int32
        if path == "-" {
            input = STDIN_FILENO
        } else {
            var info = stat()
            guard stat(path, &info) == 0 else { return .file }
            let kind = info.st_mode & S_IFMT
            guard kind == S_IFIFO || kind == S_IFCHR || kind == S_IFSOCK else { return .file }
            input = open(path, O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { return .file }
        }
        defer { if input != STDIN_FILENO { close(input) } }
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(folder)/hqscreen-input-XXXXXX".utf8CString)
        let output = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard output >= 0 else {
            return .failed("cannot copy the stream to a temporary file: \(String(cString: strerror(errno)))")
        }
        let copy = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(copy)
                return .failed("reading \(path == "-" ? "standard input" : "the stream") failed: \(reason)")
            }
            if got == 0 { break }
            var offset = 0
            while offset < got {
                let written = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, got - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    unlink(copy)
                    return .failed("cannot copy the stream to a temporary file: \(reason)")
                }
                offset += written
            }
        }
        return .spooled(copy)
    }
}
