import MailModel

/// Whether an export writes passwords. By default it writes `Secret.marker`
/// in their place; the user asks for them with `--include-secrets`.
public enum SecretPolicy: Sendable {
    case redact
    case include

    /// The text a field's value is written as under this policy.
    func text(of field: CanonicalField, in account: MailAccount) -> String {
        if self == .redact, field == .extras { return ListCodec.encode(extras(of: account)) }
        let text = field.text(in: account)
        if self == .redact, field.kind == .secret, !text.isEmpty { return Secret.marker }
        return text
    }

    /// The account's extras, with the values of secret-named ones redacted.
    func extras(of account: MailAccount) -> [ExtraField] {
        guard self == .redact else { return account.extras }
        return account.extras.map { $0.isSecret && !$0.value.isEmpty ? ExtraField(name: $0.name, value: Secret.marker) : $0 }
    }
}
