/// The ASCII form of a host or domain name with letters beyond ASCII
/// (`müller-bau.de` → `xn--mller-bau-q9a.de`, IDNA's A-labels): what DNS
/// looks up, what certificates name and what Thunderbird accepts as a host
/// name (its check allows only ASCII letters, digits, `-` and `.`). German
/// customers have such domains since DENIC took them in 2004; their ERP
/// stores them as typed, in Unicode.
///
/// Each label beyond ASCII is lower-cased, composed where a precomposed
/// Latin letter exists (an `u` followed by a combining diaeresis becomes `ü`) and
/// Punycode-encoded (RFC 3492) behind `xn--`; `ß` stays `ß`, as IDNA2008 and
/// DENIC keep it. ASCII labels are left as they are.
public enum InternationalDomainName {
    /// `name` in ASCII, or nil when a label cannot be one: longer than 63
    /// characters in its ASCII form. A name that is ASCII already comes
    /// back unchanged.
    public static func asciiForm(of name: String) -> String? {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name }
        var labels: [String] = []
        var label = ""
        for scalar in name.unicodeScalars {
            // IDNA maps the ideographic and full-width full stops to a dot.
            if scalar == "." || scalar == "\u{3002}" || scalar == "\u{FF0E}" || scalar == "\u{FF61}" {
                labels.append(label)
                label = ""
            } else {
                label.unicodeScalars.append(scalar)
            }
        }
        labels.append(label)
        var ascii: [String] = []
        for label in labels {
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                ascii.append(label)
                continue
            }
            // Each character beyond ASCII adds at least one to the ASCII form,
            // so a label of more than 63 characters (up to four scalars each,
            // before composing) cannot fit: refused before the encoder, whose
            // time grows with the square of the label.
            guard label.unicodeScalars.count <= 4 * 63 else { return nil }
            let encoded = "xn--" + Punycode.encode(composed(label.lowercased()).unicodeScalars.map(\.value))
            guard encoded.utf8.count <= 63 else { return nil }
            ascii.append(encoded)
        }
        return ascii.joined(separator: ".")
    }

    /// `address` with its domain (what follows the last `@`) in ASCII form,
    /// where the domain has letters beyond ASCII and has an ASCII form;
    /// otherwise `address` as it is. The local part is never changed: only
    /// the receiving server knows what it means.
    public static func withASCIIDomain(address: String) -> String {
        guard let at = address.utf8.lastIndex(of: UInt8(ascii: "@")) else { return address }
        let domain = address.utf8[address.utf8.index(after: at)...]
        guard domain.contains(where: { $0 >= 0x80 }), let ascii = asciiForm(of: String(Substring(domain))) else {
            return address
        }
        return String(Substring(address.utf8[...at])) + ascii
    }

    /// `text` with each letter that a combining mark follows replaced by
    /// the precomposed letter it is equivalent to, where Latin has one
    /// (`u` + combining diaeresis → `ü`; Unicode's composed form, NFC, for the
    /// letters of European domains). The standard library has no NFC; the
    /// Unicode names say which letter is meant ("LATIN SMALL LETTER U" with
    /// "COMBINING DIAERESIS" is "LATIN SMALL LETTER U WITH DIAERESIS"), and
    /// Swift's canonical equivalence of Characters confirms each match.
    /// Marks without such a letter stay as they are.
    static func composed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var base: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let current = base, scalar.properties.canonicalCombiningClass != .notReordered,
                let single = precomposed(current, scalar)
            {
                base = single
                continue
            }
            if let current = base { result.append(current) }
            base = scalar
        }
        if let current = base { result.append(current) }
        return String(result)
    }

    private static func precomposed(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
        guard let baseName = base.properties.name, var markName = mark.properties.name, markName.hasPrefix("COMBINING ") else {
            return nil
        }
        markName.removeFirst("COMBINING ".count)
        if markName.hasSuffix(" ACCENT") { markName.removeLast(" ACCENT".count) }
        let name = baseName + (baseName.contains(" WITH ") ? " AND " : " WITH ") + markName
        guard let single = letters[name] else { return nil }
        var pair = String(base)
        pair.unicodeScalars.append(mark)
        return Character(single) == Character(pair) ? single : nil
    }

    /// The precomposed Latin letters by their Unicode names.
    private static let letters: [String: Unicode.Scalar] = {
        var byName: [String: Unicode.Scalar] = [:]
        for range: ClosedRange<UInt32> in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                if let scalar = Unicode.Scalar(value), let name = scalar.properties.name { byName[name] = scalar }
            }
        }
        return byName
    }()
}

/// RFC 3492's Bootstring parameters for IDNA, and its encoder.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN: UInt32 = 128

    /// The Punycode of `codePoints` (without the `xn--` prefix): the ASCII
    /// ones in order, a `-` when there were any, then the others' deltas.
    static func encode(_ codePoints: [UInt32]) -> String {
        var output = codePoints.filter { $0 < 0x80 }.map { Character(Unicode.Scalar(UInt8($0))) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < codePoints.count {
            // The smallest code point not yet handled; every label is far too
            // short for the deltas to overflow an Int (RFC 3492 6.4).
            let next = codePoints.filter { $0 >= n }.min()!
            delta += Int(next - n) * (handled + 1)
            n = next
            for codePoint in codePoints {
                if codePoint < n { delta += 1 }
                guard codePoint == n else { continue }
                var q = delta
                var k = base
                while true {
                    let t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, points: handled + 1, first: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return String(output)
    }

    private static func digit(_ value: Int) -> Character {
        Character(Unicode.Scalar(UInt8(value < 26 ? 0x61 + value : 0x30 + value - 26)))
    }

    private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
