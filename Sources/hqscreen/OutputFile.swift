import StrengthReport

#if canImport(Glibc)
    import Glibc
#endif

/// Why output could not be written, in words a user can act on.
struct OutputError: Error {
    var message: String
    /// 74 for a failed write; 64 when the command line itself asked for something unsafe.
    var exitStatus: Int32 = 74
}

/// Where a command's result goes: standard output, a device or pipe written in place, or a regular
/// file replaced atomically (written under a temporary name beside it, synced, renamed over it).
final class OutputFile {
    private enum Target {
        case standardOutput
        case inPlace(fd: Int32)
        case atomic(fd: Int32, temporary: String, final: String, cleanupSlot: Int)
    }

    /// The path as the user gave it, for messages; "standard output" otherwise.
    let name: String
    private var target: Target
    private var finished = false

    private init(name: String, target: Target) {
        self.name = name
        self.target = target
    }

    static var standardOutput: OutputFile { OutputFile(name: "standard output", target: .standardOutput) }

    /// Opens `path` for writing, or standard output when it is nil.
    static func open(_ path: String?, inputs: InputFiles) throws(OutputError) -> OutputFile {
        guard let path else { return standardOutput }
        if let input = inputs.file(sameAs: path) {
            throw OutputError(
                message: "refusing to write over \(TerminalSafe.escape(input)), which is one of the files being read; "
                    + "choose another output path",
                exitStatus: 64)
        }
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && (info.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError(
                message: "cannot write \(TerminalSafe.escape(path)): it is a folder; name a file inside it")
        }
        // Devices, pipes and the /dev and /proc names for the standard streams are written in place:
        // renaming a file over them would replace a device node with a plain file.
        if (exists && (info.st_mode & S_IFMT) != S_IFREG) || path.hasPrefix("/dev/") || path.hasPrefix("/proc/") {
            let fd = Glibc.open(
                path, O_WRONLY | O_CLOEXEC | (exists && (info.st_mode & S_IFMT) == S_IFREG ? O_TRUNC : 0))
            guard fd >= 0 else { throw OutputError(message: describe(errno, writing: path)) }
            return OutputFile(name: path, target: .inPlace(fd: fd))
        }
        // A link to a regular file: replace the file it points to, not the link.
        let final = exists ? (resolved(path) ?? path) : path
        let (folder, base) = split(final)
        TemporaryFileCleanup.installHandlers()
        for attempt in 0..<100 {
            let temporary = "\(folder)/.\(base).hqscreen-\(getpid())-\(attempt).tmp"
            // Registered before it exists, so a signal between the two cannot leave it behind.
            let slot = TemporaryFileCleanup.register(temporary)
            let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                let code = errno
                TemporaryFileCleanup.unregister(slot)
                if code == EEXIST { continue }
                throw OutputError(message: describe(code, writing: path))
            }
            return OutputFile(
                name: path, target: .atomic(fd: fd, temporary: temporary, final: final, cleanupSlot: slot))
        }
        throw OutputError(message: "cannot write \(TerminalSafe.escape(path)): could not choose a temporary file name")
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { bytes in try write(UnsafeRawBufferPointer(bytes)) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try write(raw) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        let fd: Int32
        switch target {
        case .standardOutput: fd = STDOUT_FILENO
        case .inPlace(let descriptor): fd = descriptor
        case .atomic(let descriptor, _, _, _): fd = descriptor
        }
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(fd, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                abandon()
                throw OutputError(message: Self.describe(code, writing: name))
            }
            next += written
            left -= written
        }
    }

    /// Makes the output final: synced to disk and, for a regular file, renamed into place.
    func commit() throws(OutputError) {
        guard !finished else { return }
        finished = true
        switch target {
        case .standardOutput:
            return
        case .inPlace(let fd):
            close(fd)
        case .atomic(let fd, let temporary, let final, let slot):
            defer { TemporaryFileCleanup.unregister(slot) }
            if fsync(fd) != 0 || close(fd) != 0 {
                let code = errno
                unlink(temporary)
                throw OutputError(message: Self.describe(code, writing: name))
            }
            guard rename(temporary, final) == 0 else {
                let code = errno
                unlink(temporary)
                throw OutputError(message: Self.describe(code, writing: name))
            }
            // The rename is only durable once the folder's entry is on disk too.
            let folder = Glibc.open(Self.split(final).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        }
    }

    /// Leaves no trace of an unfinished file.
    func abandon() {
        guard !finished else { return }
        finished = true
        switch target {
        case .standardOutput: return
        case .inPlace(let fd): close(fd)
        case .atomic(let fd, let temporary, _, let slot):
            close(fd)
            unlink(temporary)
            TemporaryFileCleanup.unregister(slot)
        }
    }

    deinit { abandon() }

    static func split(_ path: String) -> (folder: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    private static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// `cannot write /missing/dir/x.pdf: the folder /missing/dir does not exist`.
    static func describe(_ code: Int32, writing path: String) -> String {
        let folder = split(path).folder
        let reason: String
        switch code {
        case ENOENT: reason = "the folder \(folder) does not exist"
        case ENOTDIR: reason = "part of the path \(folder) is a file, not a folder"
        case EACCES, EPERM: reason = "permission denied (is the folder \(folder) writable?)"
        case EISDIR: reason = "it is a folder; name a file inside it"
        case ENOSPC: reason = "the disk is full"
        case EDQUOT: reason = "the disk quota is used up"
        case EROFS: reason = "the file system is read-only"
        case EFBIG: reason = "the file is larger than this system allows (a file-size limit, ulimit -f)"
        case EPIPE: reason = "the reader closed the pipe"
        default: reason = String(cString: strerror(code))
        }
        return "cannot write \(path == "standard output" ? path : TerminalSafe.escape(path)): \(reason)"
    }
}
