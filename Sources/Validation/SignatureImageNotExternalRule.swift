#if canImport(Glibc)
import Glibc
#endif

import MailModel

/// `signature-image-not-external`: a signature image that is not an absolute http(s) URL.
struct SignatureImageNotExternalRule: AccountRule {
    static let description = RuleDescription(
        identifier: "signature-image-not-external",
        severity: .warning,
        rationale: "Only images on an external web server show in the recipient's client; relative paths "
            + "and embedded data are lost after a migration.",
        fix: "Put the image on an external web server and use its https:// URL.",
        triggeringExamples: [
            [.signatureHTML: "<img src=\"/userdata/logo.png\">"],
            [.signatureHTML: "<img alt='x' src='data:image/png;base64,iVBOR'>"],
            [.signatureHTML: "<IMG SRC=cid:logo@firma>"],
            [.signatureHTML: "<img src=\"ftp://files.example.de/logo.png\">"],
            [.signatureHTML: "<img src=\"http:/www.example.de/logo.png\">"],
        ],
        nonTriggeringExamples: [
            [.signatureHTML: "<img src=\"https://www.example.de/logo.png\">"],
            [.signatureHTML: "<p>Ohne Bild</p>"],
            [.signatureHTML: "<IMG SRC='HTTP://www.example.de/logo.png'><img src=https://cdn.example.de/a.png>"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        var html = facts.account.signature.html
        return html.withUTF8 { bytes in
            // Most signatures' images are on a web server: their sources are
            // looked at as bytes, and only another one becomes a String.
            Self.imageSources(in: bytes).compactMap { range in
                let source = UnsafeBufferPointer(rebasing: bytes[range])
                guard !Self.isWebAddress(source) else { return nil }
                let text = String(decoding: source, as: UTF8.self)
                let shown = text.count > 60 ? String(text.prefix(57)) + "…" : text
                return finding(severity, .signatureHTML, "signature image '\(shown)' is not an absolute http(s) URL")
            }
        }
    }

    /// Whether a source starts with `http://` or `https://`, in any case.
    private static func isWebAddress(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        startsWith(source, "http://") || startsWith(source, "https://")
    }

    /// Whether `b` holds `word` (lower-case ASCII) at `k`, its letters in any case.
    private static func startsWith(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString, at k: Int = 0) -> Bool {
        guard k + word.utf8CodeUnitCount <= b.count else { return false }
        let expected = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount {
            let c = expected[i]
            let isLetter = c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")
            guard (isLetter ? b[k + i] | 0x20 : b[k + i]) == c else { return false }
        }
        return true
    }

    /// Where the `src` of each `<img>` tag is in the HTML's bytes.
    private static func imageSources(in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = b.baseAddress else { return [] }
        var sources: [Range<Int>] = []
        var offset = 0
        while offset < b.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "<")), b.count - offset) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            offset = at + 1
            guard startsWith(b, "img", at: at + 1) else { continue }
            var tagEnd = at + 4
            while tagEnd < b.count, b[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
            var k = at + 4
            while k + 4 <= tagEnd, !startsWith(b, "src=", at: k) { k += 1 }
            if k + 4 <= tagEnd {
                var start = k + 4
                var end = start
                if start < tagEnd, b[start] == UInt8(ascii: "\"") || b[start] == UInt8(ascii: "'") {
                    let quote = b[start]
                    start += 1
                    end = start
                    while end < tagEnd, b[end] != quote { end += 1 }
                } else {
                    while end < tagEnd, b[end] != UInt8(ascii: " "), b[end] != UInt8(ascii: "\t") { end += 1 }
                }
                sources.append(start..<end)
            }
            offset = tagEnd
        }
        return sources
    }
}
