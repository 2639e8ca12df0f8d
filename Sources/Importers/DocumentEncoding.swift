/// Which character set a markup document is in, where libxml2 needs to be
/// told: a BOM or a declaration wins; without one, UTF-8 when the bytes are
/// valid UTF-8, else Windows-1252 (German ERP pages are often saved so).
enum DocumentEncoding {
    /// For XML: nil (libxml2 reads the BOM and the declaration) unless the
    /// document declares nothing and is not UTF-8. With `complete: false`
    /// the bytes are the start of a longer document (a character may be cut
    /// at the end: that alone does not count).
    static func fallbackForXML(_ bytes: [UInt8], complete: Bool = true) -> String? {
        if hasBOM(bytes) { return nil }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        if head.hasPrefix("<?xml"), let end = head.range(of: "?>"), head[..<end.lowerBound].contains("encoding") {
            return nil
        }
        var checked = bytes[...]
        if !complete {
            // Drop a UTF-8 sequence cut off at the end of the sample.
            var back = 0
            while back < 3, let last = checked.last, last & 0xC0 == 0x80 { checked = checked.dropLast(); back += 1 }
            if let last = checked.last, last >= 0xC0 { checked = checked.dropLast() }
        }
        return Array(checked).withUnsafeBufferPointer { UTF8Validation.isValid($0) } ? nil : "windows-1252"
    }

    /// For HTML: the BOM's, the `<meta>` charset, or the fallback.
    static func forHTML(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if let declared = metaCharset(bytes) { return declared }
        return bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } ? "UTF-8" : "windows-1252"
    }

    private static func hasBOM(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KB.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let at = head.range(of: "charset=") else { return nil }
        var name = ""
        for c in head[at.upperBound...].drop(while: { $0 == "\"" || $0 == "'" }) {
            guard c.isLetter || c.isNumber || c == "-" || c == "_" else { break }
            name.append(c)
        }
        guard !name.isEmpty else { return nil }
        // Browsers read ISO-8859-1 pages as Windows-1252; so do we.
        return name == "iso-8859-1" || name == "latin1" ? "windows-1252" : name
    }
}
