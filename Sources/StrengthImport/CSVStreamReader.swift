import CLibCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A syntax error libcsv found (bad quoting), with where it happened.
struct CSVSyntaxError: Error, Equatable {
    enum Kind: Equatable {
        /// A quote inside an unquoted field, or text right after a closing quote.
        case malformedQuote
        /// A quoted field still open at the end of the file.
        case unterminatedQuote(linesSwallowed: Int)
        /// A NUL byte: the line is damaged or not text.
        case nulByte
    }

    var kind: Kind
    var line: Int
    /// 1-based field where the error sits.
    var column: Int
}

/// Where the reader stopped.
struct CSVStreamSummary: Equatable {
    /// True when the last byte of the file was a line terminator.
    var finalNewline: Bool
    var lines: Int
    /// True when the handler asked to stop early.
    var stopped: Bool
    /// Lines of a file read as UTF-8 that were not UTF-8, read as Windows-1252 instead.
    var windows1252Lines = 0
    var firstWindows1252Line: Int?
}

/// Streams a file through libcsv in fixed-size chunks.
///
/// The file is fed one physical line per `csv_parse` call, so each record knows the line it
/// started on, even when quoted fields span lines. libcsv's callbacks only append bytes;
/// records are handed to Swift after each chunk, outside the C callbacks.
struct CSVStreamReader {
    var delimiter: UInt8
    /// `\n` for LF and CRLF files, `\r` for old Mac files.
    var lineTerminator: UInt8
    var encoding: TextEncoding
    /// Bytes to skip at the start (a BOM).
    var skipBytes: Int
    /// Physical lines to skip before parsing starts (preamble before the header).
    var skipLines: Int
    var chunkSize = 1 << 20

    enum ReadError: Error, Equatable {
        case cannotOpen(errno: Int32)
        case readFailed(errno: Int32)
        case outOfMemory
    }

    /// - Parameters:
    ///   - onRecord: return false to stop reading.
    ///   - onSyntaxError: return false to stop reading.
    func read(
        path: String, onRecord: (CSVRecord) -> Bool, onSyntaxError: (CSVSyntaxError) -> Bool
    ) throws(ReadError) -> CSVStreamSummary {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(errno: errno) }
        defer { close(fd) }

        let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
        state.initialize(to: ParseState())
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }
        var parser = csv_parser()
        guard csv_init(&parser, Self.options) == 0 else { throw .outOfMemory }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)

        var raw = [UInt8](repeating: 0, count: chunkSize + 4)
        var transcoded: [UInt8] = []
        var position = LinePosition()
        // The last bytes of a chunk that start a UTF-8 sequence the next chunk completes.
        var carried = 0
        var toSkip = skipBytes
        var lastByte: UInt8? = nil
        var stopped = false

        // Hands over records and syntax errors in line order, so `--strict` stops at the first.
        func deliver(_ errors: [CSVSyntaxError]) -> Bool {
            let s = state
            defer { s.pointee.compact() }
            var pendingErrors = errors[...]
            let bytes = s.pointee.bytes
            let ends = s.pointee.fieldEnds
            for record in s.pointee.records {
                while let error = pendingErrors.first, error.line < record.line {
                    pendingErrors = pendingErrors.dropFirst()
                    if !onSyntaxError(error) { return false }
                }
                let view = CSVRecord(
                    line: record.line, bytes: bytes, ends: ends, firstField: record.firstField, count: record.fieldCount
                )
                if !onRecord(view) { return false }
            }
            for error in pendingErrors where !onSyntaxError(error) { return false }
            return true
        }

        while !stopped {
            let read = raw.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + carried, chunkSize) }
            if read < 0 {
                if errno == EINTR { continue }
                throw .readFailed(errno: errno)
            }
            if read == 0 && carried == 0 { break }
            var got = carried + read
            carried = 0
            let start = min(toSkip, got)
            toSkip -= start
            if start == got { continue }
            if read > 0 { lastByte = raw[got - 1] }
            if encoding == .utf8 && read > 0 {
                carried = raw.withUnsafeBytes {
                    UTF8Check.incompleteTail(UnsafeRawBufferPointer(rebasing: $0[start..<got]))
                }
                got -= carried
            }
            let errors: [CSVSyntaxError]
            if encoding == .windows1252 {
                raw.withUnsafeBytes {
                    Windows1252.transcode(UnsafeRawBufferPointer(rebasing: $0[start..<got]), into: &transcoded)
                }
                errors = transcoded.withUnsafeBytes { chunk in
                    feed(chunk, parser: &parser, state: state, position: &position)
                }
            } else {
                errors = raw.withUnsafeBytes { bytes in
                    feed(
                        UnsafeRawBufferPointer(rebasing: bytes[start..<got]), parser: &parser, state: state,
                        position: &position)
                }
            }
            if position.outOfMemory { throw .outOfMemory }
            if !deliver(errors) { stopped = true }
            if carried > 0 {
                raw.withUnsafeMutableBytes {
                    $0.baseAddress!.copyMemory(from: $0.baseAddress! + got, byteCount: carried)
                }
            }
        }

        if !stopped {
            let openRowLine = state.pointee.betweenRows ? nil : state.pointee.rowStartLine
            let openColumn = state.pointee.fieldCount - state.pointee.rowFirstField + 1
            let finished = csv_fini(&parser, ParseState.onField, ParseState.onRow, state)
            var errors: [CSVSyntaxError] = []
            if finished != 0 || position.swallowing, let openRowLine {
                let endLine = lastByte == lineTerminator ? position.line - 1 : position.line
                errors.append(
                    CSVSyntaxError(
                        kind: .unterminatedQuote(linesSwallowed: endLine - openRowLine + 1), line: openRowLine,
                        column: openColumn))
                state.pointee.dropPartialRow()
            }
            if !deliver(errors) { stopped = true }
        }
        let finalNewline = lastByte == lineTerminator
        return CSVStreamSummary(
            finalNewline: finalNewline, lines: finalNewline ? position.line - 1 : position.line, stopped: stopped,
            windows1252Lines: position.windows1252Lines, firstWindows1252Line: position.firstWindows1252Line)
    }

    private static let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)

    /// No knee-test export has a field anywhere near this; a quote left open in a large file would
    /// otherwise hold the whole rest of the file in memory only to reject it.
    static let maxFieldBytes = 4 << 20

    /// Where the feed is in the file, kept across chunks.
    private struct LinePosition {
        var line = 1
        /// The previous chunk ended inside this line.
        var midLine = false
        /// The current line had a syntax error; its remaining bytes are dropped.
        var skipRestOfLine = false
        /// libcsv could not be restarted after a syntax error.
        var outOfMemory = false
        /// A quoted field grew past `maxFieldBytes`: its quote is never closed, and the rest of the
        /// file is only counted, not held in memory to be rejected.
        var swallowing = false
        var windows1252Lines = 0
        var firstWindows1252Line: Int?
        /// A line's bytes read as Windows-1252, when it was not UTF-8.
        var scratch: [UInt8] = []
    }

    /// Feeds a chunk one physical line at a time. A syntax error drops the rest of its line and
    /// the record it was in, restarts the parser, and reading goes on with the next line.
    private func feed(
        _ chunk: UnsafeRawBufferPointer, parser: inout csv_parser, state: UnsafeMutablePointer<ParseState>,
        position: inout LinePosition
    ) -> [CSVSyntaxError] {
        guard let base = chunk.baseAddress else { return [] }
        var errors: [CSVSyntaxError] = []
        let n = chunk.count
        var offset = 0
        // Most chunks are clean text: one pass decides whether lines need a closer look.
        let hasNUL = memchr(base, 0, n) != nil
        let checkUTF8 = encoding == .utf8 && !UTF8Check.isValid(chunk)
        let checkLines = hasNUL || checkUTF8
        while offset < n {
            let found = memchr(base + offset, Int32(lineTerminator), n - offset)
            let lineEnd = found.map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? n
            let complete = found != nil
            let lineStart = offset
            offset = lineEnd
            defer {
                if complete {
                    position.line += 1
                    position.midLine = false
                    position.skipRestOfLine = false
                } else {
                    position.midLine = true
                }
            }
            if position.skipRestOfLine || position.swallowing || position.line <= skipLines { continue }
            if !position.midLine && state.pointee.betweenRows {
                if isBlank(base + lineStart, lineEnd - lineStart) { continue }
                state.pointee.rowStartLine = position.line
                state.pointee.betweenRows = false
            }
            let lineBytes = UnsafeRawBufferPointer(start: base + lineStart, count: lineEnd - lineStart)
            var readAsWindows1252 = false
            if checkLines {
                if let nul = memchr(lineBytes.baseAddress!, 0, lineBytes.count) {
                    let before = UnsafeRawBufferPointer(
                        start: lineBytes.baseAddress, count: lineBytes.baseAddress!.distance(to: UnsafeRawPointer(nul)))
                    let column =
                        state.pointee.fieldCount - state.pointee.rowFirstField + 1
                        + before.count(where: { $0 == delimiter })
                    errors.append(CSVSyntaxError(kind: .nulByte, line: state.pointee.rowStartLine, column: column))
                    state.pointee.dropPartialRow()
                    resetParser(&parser, position: &position)
                    if !complete { position.skipRestOfLine = true }
                    continue
                }
                if checkUTF8, UTF8Check.firstInvalidByte(in: lineBytes, allowTruncatedEnd: false) != nil {
                    position.windows1252Lines += 1
                    if position.firstWindows1252Line == nil { position.firstWindows1252Line = position.line }
                    Windows1252.transcode(lineBytes, into: &position.scratch)
                    readAsWindows1252 = true
                }
            }
            let length: Int
            let parsed: Int
            if readAsWindows1252 {
                length = position.scratch.count
                parsed = position.scratch.withUnsafeBytes {
                    csv_parse(&parser, $0.baseAddress, $0.count, ParseState.onField, ParseState.onRow, state)
                }
            } else {
                length = lineBytes.count
                parsed = csv_parse(&parser, lineBytes.baseAddress, length, ParseState.onField, ParseState.onRow, state)
            }
            if parsed == length && !state.pointee.betweenRows && parser.entry_pos > Self.maxFieldBytes {
                resetParser(&parser, position: &position)
                position.swallowing = true
                continue
            }
            if parsed < length {
                let column = state.pointee.fieldCount - state.pointee.rowFirstField + 1
                errors.append(CSVSyntaxError(kind: .malformedQuote, line: state.pointee.rowStartLine, column: column))
                resetParser(&parser, position: &position)
                if position.outOfMemory { return errors }
                state.pointee.dropPartialRow()
                if !complete { position.skipRestOfLine = true }
            }
        }
        return errors
    }

    /// libcsv cannot resume after an error: start a fresh parser for the next line.
    private func resetParser(_ parser: inout csv_parser, position: inout LinePosition) {
        csv_free(&parser)
        guard csv_init(&parser, Self.options) == 0 else {
            position.outOfMemory = true
            return
        }
        csv_set_delim(&parser, delimiter)
    }

    private func isBlank(_ start: UnsafeRawPointer, _ count: Int) -> Bool {
        let bytes = start.assumingMemoryBound(to: UInt8.self)
        for i in 0..<count {
            switch bytes[i] {
            case 0x20, 0x0D, 0x0A: continue
            case 0x09 where delimiter != 0x09: continue
            default: return false
            }
        }
        return true
    }
}

/// What libcsv's callbacks write into: bytes of the fields of records not yet handed over.
///
/// The byte store is a raw buffer rather than an Array: the field callback runs once per field
/// of a 100 MB file, and a plain `memcpy` there is measurably cheaper than `Array.append`.
struct ParseState: ~Copyable {
    struct PendingRecord {
        var firstField: Int
        var fieldCount: Int
        var line: Int
    }

    private(set) var storage: UnsafeMutableRawPointer
    private(set) var byteCount = 0
    private var byteCapacity: Int
    /// End offset in the byte store of each field; a field starts where the previous one ended.
    private var ends: UnsafeMutablePointer<Int>
    private(set) var fieldCount = 0
    private var endCapacity: Int
    var records: [PendingRecord] = []
    var rowFirstField = 0
    var rowStartLine = 0
    var betweenRows = true

    init() {
        byteCapacity = 1 << 16
        storage = UnsafeMutableRawPointer.allocate(byteCount: byteCapacity, alignment: 16)
        endCapacity = 1 << 12
        ends = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity)
        records.reserveCapacity(1 << 10)
    }

    deinit {
        storage.deallocate()
        ends.deallocate()
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: byteCount) }
    var fieldEnds: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: ends, count: fieldCount) }

    @inline(__always)
    mutating func appendField(_ data: UnsafeRawPointer?, _ length: Int) {
        if let data, length > 0 {
            if byteCount + length > byteCapacity { grow(to: byteCount + length) }
            let target = storage + byteCount
            // Most fields are a few bytes: a loop avoids a call into memcpy for each.
            if length <= 16 {
                for i in 0..<length {
                    target.storeBytes(of: data.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self)
                }
            } else {
                target.copyMemory(from: data, byteCount: length)
            }
            byteCount += length
        }
        if fieldCount == endCapacity {
            let bigger = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
            bigger.update(from: ends, count: fieldCount)
            ends.deallocate()
            ends = bigger
            endCapacity *= 2
        }
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    private mutating func grow(to needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        bigger.copyMemory(from: storage, byteCount: byteCount)
        storage.deallocate()
        storage = bigger
        byteCapacity = capacity
    }

    static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        data, length, context in
        context!.assumingMemoryBound(to: ParseState.self).pointee.appendField(data, length)
    }

    static let onRow: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        let state = context!.assumingMemoryBound(to: ParseState.self)
        let first = state.pointee.rowFirstField
        let count = state.pointee.fieldCount - first
        state.pointee.records.append(
            PendingRecord(firstField: first, fieldCount: count, line: state.pointee.rowStartLine))
        state.pointee.rowFirstField = state.pointee.fieldCount
        state.pointee.betweenRows = true
    }

    /// Drops delivered records, keeping the fields of a row still being parsed.
    mutating func compact() {
        records.removeAll(keepingCapacity: true)
        let byteStart = rowFirstField == 0 ? 0 : ends[rowFirstField - 1]
        if rowFirstField == fieldCount {
            byteCount = 0
            fieldCount = 0
        } else {
            let kept = byteCount - byteStart
            storage.copyMemory(from: storage + byteStart, byteCount: kept)
            byteCount = kept
            let keptFields = fieldCount - rowFirstField
            for i in 0..<keptFields { ends[i] = ends[rowFirstField + i] - byteStart }
            fieldCount = keptFields
        }
        rowFirstField = 0
    }

    /// Forgets a row that failed to parse.
    mutating func dropPartialRow() {
        byteCount = rowFirstField == 0 ? 0 : ends[rowFirstField - 1]
        fieldCount = rowFirstField
        betweenRows = true
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
    #else
        Darwin.read(fd, buffer, count)
    #endif
}
