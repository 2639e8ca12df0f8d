import MailModel

/// Whether an export writes passwords. By default it writes `Secret.marker`
/// in their place; the user asks for them with `--include-secrets`.
public enum SecretPolicy: Sendable {
    case redact
    case include

    /// The text a field's value is written as under this policy.
    func text(of field: CanonicalField, in account: MailAccount) -> String {
        var bytes: [UInt8] = []
        appendText(of: field, in: account, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text(of:in:)` appended as UTF-8, without a String for each field.
    func appendText(of field: CanonicalField, in account: MailAccount, to out: inout [UInt8]) {
        if self == .redact, field == .extras {
            out.append(contentsOf: ListCodec.encode(extras(of: account)).utf8)
            return
        }
        let start = out.count
        field.appendText(in: account, to: &out)
        if self == .redact, field.kind == .secret, out.count > start {
            out.removeSubrange(start...)
            out.append(contentsOf: Secret.marker.utf8)
        }
    }

    /// The account's extras, with the values of secret-named ones redacted.
    func extras(of account: MailAccount) -> [ExtraField] {
        guard self == .redact else { return account.extras }
        return account.extras.map { $0.isSecret && !$0.value.isEmpty ? ExtraField(name: $0.name, value: Secret.marker) : $0 }
    }
}
