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
        return Self.imageSources(in: facts.account.signature.html).compactMap { source in
            let lower = source.lowercased()
            guard !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) else { return nil }
            let shown = source.count > 60 ? String(source.prefix(57)) + "…" : source
            return finding(severity, .signatureHTML, "signature image '\(shown)' is not an absolute http(s) URL")
        }
    }

    /// The `src` values of the `<img>` tags in an HTML text.
    static func imageSources(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { imageSources(in: $0) }
    }

    /// A byte scan (Foundation's case-insensitive search costs more than all
    /// other rules together on signatures of a few hundred bytes).
    private static func imageSources(in b: UnsafeBufferPointer<UInt8>) -> [String] {
        guard let base = b.baseAddress else { return [] }
        func lower(_ k: Int) -> UInt8 { b[k] | 0x20 }
        func matches(_ word: String, at k: Int) -> Bool {
            var k = k
            for c in word.utf8 {
                guard k < b.count, lower(k) == c else { return false }
                k += 1
            }
            return true
        }
        var sources: [String] = []
        var offset = 0
        while offset < b.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "<")), b.count - offset) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            offset = at + 1
            guard matches("img", at: at + 1) else { continue }
            var tagEnd = at + 4
            while tagEnd < b.count, b[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
            var k = at + 4
            while k + 4 <= tagEnd, !matches("src=", at: k) { k += 1 }
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
                sources.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
            }
            offset = tagEnd
        }
        return sources
    }
}
