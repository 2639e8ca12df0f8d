import MailModel

/// What a host name and a mail address may look like, Unicode-aware: an
/// internationalised name (`müller.de`) is as valid as its ASCII form.
/// Checked on UTF-8 bytes, since every account's hosts and addresses pass
/// through here; only non-ASCII labels take Unicode's character properties.
enum MailSyntax {
    /// Why `host` is not a usable server name, or nil when it is.
    static func hostProblem(_ host: String) -> String? {
        var host = host
        return host.withUTF8 { hostProblem($0) }
    }

    /// `bytes`: the UTF-8 of the host name.
    private static func hostProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        isPlainHost(bytes) ? nil : checkedHostProblem(bytes)
    }

    /// What nearly every host is, told in one pass: ASCII letters, digits,
    /// `-` and `_`, in labels of 1 to 63 that neither start nor end with
    /// `-`, at most 253 in all. `checkedHostProblem` finds nothing in such a
    /// host; it looks at every other one, a check at a time, to name what is wrong.
    static func isPlainHost(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var labelStart = 0
        for index in 0...bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: ".") {
                let length = index - labelStart
                guard length > 0, length <= 63, bytes[labelStart] != UInt8(ascii: "-"), bytes[index - 1] != UInt8(ascii: "-")
                else { return false }
                labelStart = index + 1
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            default:
                return false
            }
        }
        return true
    }

    static func checkedHostProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func text() -> String { String(decoding: bytes, as: UTF8.self) }
        if bytes.contains(UInt8(ascii: ":")) && text().contains("://") { return "contains a URL scheme" }
        if bytes.contains(where: { $0 == 0x20 || $0 == 0x09 }) { return "contains white space" }
        if bytes.contains(UInt8(ascii: "/")) { return "contains a path" }
        if bytes.contains(UInt8(ascii: "@")) { return "contains '@' (an address, not a host)" }
        if bytes.count > 253 && text().count > 253 { return "is longer than 253 characters" }
        var labelStart = 0
        var index = 0
        while true {
            if index == bytes.count || bytes[index] == UInt8(ascii: ".") {
                if let problem = labelProblem(UnsafeBufferPointer(rebasing: bytes[labelStart..<index])) { return problem }
                if index == bytes.count { return nil }
                labelStart = index + 1
            }
            index += 1
        }
    }

    private static func labelProblem(_ label: UnsafeBufferPointer<UInt8>) -> String? {
        if label.isEmpty { return "has an empty label (two dots, or a dot at the start or end)" }
        if label.first == UInt8(ascii: "-") || label.last == UInt8(ascii: "-") {
            return "has a label that starts or ends with '-'"
        }
        var ascii = true
        for byte in label {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            case 0x80...:
                ascii = false
            default:
                return "has a character that no host name holds"
            }
        }
        if ascii {
            return label.count > 63 ? "has a label longer than 63 characters" : nil
        }
        let text = String(decoding: label, as: UTF8.self)
        if text.count > 63 { return "has a label longer than 63 characters" }
        guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return "has a character that no host name holds"
        }
        // DNS holds the label in its ASCII form, which is longer.
        guard InternationalDomainName.asciiForm(of: text) != nil else {
            return "has a label longer than 63 characters in its ASCII form (xn--…), the form DNS holds"
        }
        return nil
    }

    /// Why `address` is not a mail address, or nil when it is.
    static func addressProblem(_ address: String) -> String? {
        var address = address
        return address.withUTF8 { addressProblem($0) }
    }

    private static func addressProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else {
            return "needs exactly one '@'"
        }
        let local = UnsafeBufferPointer(rebasing: bytes[..<at])
        if local.isEmpty { return "has nothing before the '@'" }
        if local.count > 64 && String(decoding: local, as: UTF8.self).count > 64 {
            return "has more than 64 characters before the '@'"
        }
        // One pass for all checks of the local part; the first one named wins.
        let dot = UInt8(ascii: ".")
        var control: UInt8?
        var separator = false
        var doubleDot = false
        var special: UInt8?
        var previous: UInt8 = 0
        for byte in local {
            if byte < 0x20 || byte == 0x7F {
                if control == nil { control = byte }
            } else if byte == 0x20 || byte == 0x2C || byte == 0x3C || byte == 0x3E {
                separator = true
            } else if special == nil && Self.needsQuotes(byte) {
                special = byte
            }
            if byte == dot && previous == dot { doubleDot = true }
            previous = byte
        }
        // A line break or tab from a spreadsheet cell is invisible in most
        // views: the message names it by its code point.
        if let control { return "has a control character (U+\(Self.codePoint(control))) before the '@'" }
        if separator { return "has a space, comma or angle bracket before the '@'" }
        if local.first == dot || local.last == dot || doubleDot { return "has a misplaced dot before the '@'" }
        // `"john.doe"@…` is RFC 5322's quoted form, which may hold these.
        let quoted = local.count >= 2 && local.first == 0x22 && local.last == 0x22
        if let special, !quoted {
            return "has '\(Character(Unicode.Scalar(special)))' before the '@', which an address holds only in quotes"
        }
        let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
        if domain.isEmpty { return "has no domain after the '@'" }
        if !domain.contains(dot) { return "has a domain without a dot" }
        if let problem = hostProblem(domain) {
            return "has a domain that \(problem)"
        }
        return nil
    }

    /// The ASCII characters besides space, comma and angle brackets that
    /// RFC 5322 allows before the '@' only in a quoted local part.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "["),
            UInt8(ascii: "\\"), UInt8(ascii: "]"), UInt8(ascii: "\""):
            true
        default: false
        }
    }

    /// A byte as four upper-case hex digits, as code points are written (`000A`).
    private static func codePoint(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Whether two addresses have the same ASCII domain, in any case: what
    /// most pairs of addresses checked together have, told without a String
    /// of either domain. False also where it cannot tell (no `@`, an empty or
    /// non-ASCII domain): compare `domain(of:)` then.
    static func haveSameASCIIDomain(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                guard let x = asciiDomain(of: a), let y = asciiDomain(of: b), x.count == y.count else { return false }
                for k in 0..<x.count where foldedASCII(x[k]) != foldedASCII(y[k]) { return false }
                return true
            }
        }
    }

    /// The bytes after the last `@`, when there are some and all are ASCII.
    private static func asciiDomain(of address: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let at = address.lastIndex(of: UInt8(ascii: "@")), at + 1 < address.count else { return nil }
        let domain = UnsafeBufferPointer(rebasing: address[(at + 1)...])
        return domain.allSatisfy { $0 < 0x80 } ? domain : nil
    }

    private static func foldedASCII(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// The domain of an address, lower-cased; nil without one.
    static func domain(of address: String) -> String? {
        guard let at = address.utf8.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let domain = Substring(address.utf8[address.utf8.index(after: at)...])
        return domain.isEmpty ? nil : String(domain).foldedForComparison()
    }
}
