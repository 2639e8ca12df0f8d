import MailModel

/// Puts text that was decoded once too often back as it was meant ("MÃ¼ller"
/// → "Müller") in the fields `double-encoded-text` checks, for `run
/// --repair-double-encoding`: a consultant whose source cannot be exported
/// again in its real character set stores the accounts repaired, and each
/// repair is kept as an info finding, so that nothing changes without a word.
public enum DoubleEncodingRepair {
    /// Repairs `account` in place; one finding per repaired field.
    public static func repair(_ account: inout MailAccount) -> [Finding] {
        let damaged = DoubleEncodedTextRule().validate(AccountFacts(account), severity: .info)
        var repairs: [Finding] = []
        for case let field? in damaged.map(\.field) {
            let text = field.text(in: account)
            guard let meant = DoubleEncoding.repaired(text), field.assignText(meant, to: &account) else { continue }
            let quote = DoubleEncoding.quoted(text, meant: meant)
            let reading = quote.meant.map { " stored as \"\($0)\"" } ?? " stored repaired"
            repairs.append(
                Finding(
                    rule: DoubleEncodedTextRule.description.identifier, severity: .info, field: field,
                    message: "\(field.name) was double-encoded: \"\(quote.damaged)\"\(reading)"))
        }
        return repairs
    }
}
