#if canImport(Glibc)
import Glibc
#endif

import Foundation
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
        ],
        nonTriggeringExamples: [
            [.signatureHTML: "<img src=\"https://www.example.de/logo.png\">"],
            [.signatureHTML: "<p>Ohne Bild</p>"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        let account = facts.account
        return Self.imageSources(in: account.signature.html).compactMap { source in
            let lower = source.lowercased()
            guard !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) else { return nil }
            let shown = source.count > 60 ? String(source.prefix(57)) + "…" : source
            return finding(severity, .signatureHTML, "signature image '\(shown)' is not an absolute http(s) URL")
        }
    }

    /// The `src` values of the `<img>` tags in an HTML text.
    static func imageSources(in html: String) -> [String] {
        // Most signatures have no image: a byte scan for "<img" in any case says so quickly.
        guard Self.mayHoldImage(html) else { return [] }
        var sources: [String] = []
        var searchFrom = html.startIndex
        while let tag = html.range(of: "<img", options: .caseInsensitive, range: searchFrom..<html.endIndex) {
            let tagEnd = html[tag.upperBound...].firstIndex(of: ">") ?? html.endIndex
            if let src = html.range(of: "src=", options: .caseInsensitive, range: tag.upperBound..<tagEnd) {
                var start = src.upperBound
                var end = tagEnd
                if start < tagEnd, html[start] == "\"" || html[start] == "'" {
                    let quote = html[start]
                    start = html.index(after: start)
                    end = html[start..<tagEnd].firstIndex(of: quote) ?? tagEnd
                } else {
                    end = html[start..<tagEnd].firstIndex(where: { $0 == " " || $0 == "\t" }) ?? tagEnd
                }
                sources.append(String(html[start..<end]))
            }
            searchFrom = tagEnd
        }
        return sources
    }

    private static func mayHoldImage(_ html: String) -> Bool {
        let scan: (UnsafeBufferPointer<UInt8>) -> Bool = { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "<")), bytes.count - offset) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 3 < bytes.count, bytes[at + 1] | 0x20 == UInt8(ascii: "i"), bytes[at + 2] | 0x20 == UInt8(ascii: "m"),
                    bytes[at + 3] | 0x20 == UInt8(ascii: "g")
                {
                    return true
                }
                offset = at + 1
            }
            return false
        }
        return html.utf8.withContiguousStorageIfAvailable(scan) ?? Array(html.utf8).withUnsafeBufferPointer(scan)
    }
}
