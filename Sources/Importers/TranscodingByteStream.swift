import MailModel

/// Turns a stream in another character set into UTF-8, chunk by chunk, so
/// that every reader after it sees UTF-8 only. A byte the encoding does not
/// define (Windows-1252's 0x81, an unpaired UTF-16 surrogate) becomes 0xFF,
/// which no UTF-8 reader accepts: the record holding it is rejected with
/// its line, instead of the byte being guessed.
final class TranscodingByteStream: ByteStream {
    var name: String { source.name }
    private let source: ByteStream
    private let encoding: TextEncoding
    private var output: [UInt8] = []
    private var outputStart = 0
    private var leftover: [UInt8] = []
    private var pendingHighSurrogate: UInt16?
    private var eof = false
    private var skippedBOM = false

    init(source: ByteStream, encoding: TextEncoding) {
        self.source = source
        self.encoding = encoding
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while outputStart == output.count && !eof { try refill() }
        let n = min(buffer.count, output.count - outputStart)
        let start = outputStart
        output.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<(start + n)])) }
        outputStart += n
        return n
    }

    private func refill() throws(InputError) {
        var output = self.output
        self.output = []
        output.removeAll(keepingCapacity: true)
        outputStart = 0
        defer { self.output = output }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        let n = try source.read(into: chunk)
        if n == 0 {
            eof = true
            if !leftover.isEmpty || pendingHighSurrogate != nil { output.append(0xFF) }  // a cut-off character
            return
        }
        if encoding == .latin1 || encoding == .windows1252 {
            // One byte is one character: nothing is left over between chunks.
            output = Self.utf8(fromSingleByte: UnsafeRawBufferPointer(rebasing: chunk[0..<n]), windows1252: encoding == .windows1252)
            return
        }
        var bytes = leftover + chunk[0..<n]
        leftover = []
        if !skippedBOM {
            skippedBOM = true
            if (encoding == .utf16LE && bytes.starts(with: [0xFF, 0xFE])) || (encoding == .utf16BE && bytes.starts(with: [0xFE, 0xFF])) {
                bytes.removeFirst(2)
            }
        }
        switch encoding {
        case .utf8:
            output = bytes
        case .latin1, .windows1252:
            break  // read above
        case .utf16LE, .utf16BE:
            var index = 0
            while index + 1 < bytes.count {
                let unit = encoding == .utf16LE
                    ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                index += 2
                if let high = pendingHighSurrogate {
                    pendingHighSurrogate = nil
                    if unit >= 0xDC00 && unit <= 0xDFFF {
                        Self.append(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00), to: &output)
                        continue
                    }
                    output.append(0xFF)
                }
                if unit >= 0xD800 && unit <= 0xDBFF {
                    pendingHighSurrogate = unit
                } else if unit >= 0xDC00 && unit <= 0xDFFF {
                    output.append(0xFF)
                } else {
                    Self.append(UInt32(unit), to: &output)
                }
            }
            leftover = Array(bytes[index...])
        }
    }

    /// Latin-1 or Windows-1252 text as UTF-8 (an undefined Windows-1252 byte
    /// as 0xFF, which the UTF-8 check then reports). Runs of ASCII, most of
    /// a European spreadsheet, are copied eight bytes at a time.
    static func utf8(fromSingleByte input: UnsafeRawBufferPointer, windows1252: Bool) -> [UInt8] {
        // A byte becomes at most three (Windows-1252's € is U+20AC).
        [UInt8](unsafeUninitializedCapacity: input.count * 3) { output, written in
            guard let source = input.baseAddress, let target = output.baseAddress else { return }
            let count = input.count
            var i = 0
            var o = 0
            while i < count {
                while i + 8 <= count {
                    let word = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    UnsafeMutableRawPointer(target).storeBytes(of: word, toByteOffset: o, as: UInt64.self)
                    i += 8
                    o += 8
                }
                guard i < count else { break }
                let byte = source.load(fromByteOffset: i, as: UInt8.self)
                i += 1
                var scalar = UInt32(byte)
                if byte >= 0x80 && byte <= 0x9F && windows1252 {
                    scalar = Windows1252.high[Int(byte - 0x80)]
                    if scalar == 0 {
                        target[o] = 0xFF
                        o += 1
                        continue
                    }
                }
                switch scalar {
                case 0..<0x80:
                    target[o] = UInt8(scalar)
                    o += 1
                case 0x80..<0x800:
                    target[o] = UInt8(0xC0 | (scalar >> 6))
                    target[o + 1] = UInt8(0x80 | (scalar & 0x3F))
                    o += 2
                default:
                    target[o] = UInt8(0xE0 | (scalar >> 12))
                    target[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    target[o + 2] = UInt8(0x80 | (scalar & 0x3F))
                    o += 3
                }
            }
            written = o
        }
    }

    @inline(__always)
    private static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
