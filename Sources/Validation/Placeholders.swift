/// The `{NAME}` placeholders a text uses, in order of appearance.
enum Placeholders {
    static let autoresponder: Set<String> = ["TICKET", "BETREFF"]
    static let signature: Set<String> = [
        "MITARBEITER", "MITARBEITER_TELEFON", "MITARBEITER_MOBIL", "MITARBEITER_EMAIL", "MITARBEITER_TELEFAX",
    ]

    static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) { names.append(String(name)) }
            rest = after[close...]
        }
        return names
    }
}
