/// What a host name and a mail address may look like, Unicode-aware: an
/// internationalised name (`müller.de`) is as valid as its ASCII form.
enum MailSyntax {
    /// Why `host` is not a usable server name, or nil when it is.
    static func hostProblem(_ host: String) -> String? {
        if host.contains("://") { return "contains a URL scheme" }
        if host.contains(where: { $0 == " " || $0 == "\t" }) { return "contains white space" }
        if host.contains("/") { return "contains a path" }
        if host.contains("@") { return "contains '@' (an address, not a host)" }
        if host.count > 253 { return "is longer than 253 characters" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            if label.isEmpty { return "has an empty label (two dots, or a dot at the start or end)" }
            if label.count > 63 { return "has a label longer than 63 characters" }
            if label.first == "-" || label.last == "-" { return "has a label that starts or ends with '-'" }
            if !label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                return "has a character that no host name holds"
            }
        }
        return nil
    }

    /// Why `address` is not a mail address, or nil when it is.
    static func addressProblem(_ address: String) -> String? {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "needs exactly one '@'" }
        let local = parts[0]
        if local.isEmpty { return "has nothing before the '@'" }
        if local.count > 64 { return "has more than 64 characters before the '@'" }
        if local.contains(where: { $0 == " " || $0 == "," || $0 == "<" || $0 == ">" }) {
            return "has a space, comma or angle bracket before the '@'"
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "has a misplaced dot before the '@'"
        }
        let domain = String(parts[1])
        if domain.isEmpty { return "has no domain after the '@'" }
        if !domain.contains(".") { return "has a domain without a dot" }
        if let problem = hostProblem(domain) { return "has a domain that \(problem)" }
        return nil
    }

    /// The domain of an address, lower-cased; nil without one.
    static func domain(of address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...]
        return domain.isEmpty ? nil : domain.lowercased()
    }
}
