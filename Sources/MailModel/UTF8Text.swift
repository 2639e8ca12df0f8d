#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small UTF-8 helpers the field table uses to read and write canonical text
/// without making a String for every number, flag or word.
enum UTF8Text {
    @inline(__always)
    static func append<Out: UTF8Sink>(_ text: String, to out: inout Out) {
        if text.isEmpty { return }
        // A native String's bytes are copied in one go; the generic path
        // for its UTF-8 view cost a fifth of building a store row.
        if text.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            var text = text
            text.withUTF8 { out.append(contentsOf: $0) }
        }
    }

    /// `true` or `false`, from static bytes (a String literal is copied out first).
    @inline(__always)
    static func append<Out: UTF8Sink>(flag: Bool, to out: inout Out) {
        let word: StaticString = flag ? "true" : "false"
        out.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    static func append<Out: UTF8Sink>(_ n: Int, to out: inout Out) {
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            if n == .min {
                append(String(n).dropFirst().description, to: &out)
                return
            }
        }
        var value = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(value % 10) + 0x30
                value /= 10
                count += 1
            } while value > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]).bindMemory(to: UInt8.self))
        }
    }

    /// The text of bytes a reader checked as UTF-8 (`assign(utf8:to:)` takes only those).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { CheckedUTF8.string(bytes) }

    /// A whole number with an optional minus sign, or nil.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 19 else { return bytes.isEmpty ? nil : Int(string(bytes)) }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
            guard bytes.count > 1 else { return nil }
        }
        var n = 0
        while i < bytes.count {
            let digit = bytes[i] &- 0x30
            guard digit < 10 else { return nil }
            n = n &* 10 &+ Int(digit)
            i += 1
        }
        return negative ? -n : n
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard bytes.count == text.utf8.count else { return false }
        if let equal = text.utf8.withContiguousStorageIfAvailable({ stored -> Bool in
            guard stored.count == bytes.count else { return false }
            // Words and flags are short: a loop costs less than calling memcmp.
            guard bytes.count <= 16 else { return memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            for index in 0..<bytes.count where stored[index] != bytes[index] { return false }
            return true
        }) {
            return equal
        }
        return text.utf8.elementsEqual(bytes)
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for k in 0..<bytes.count where bytes[k] != p[k] { return false }
        return true
    }
}
