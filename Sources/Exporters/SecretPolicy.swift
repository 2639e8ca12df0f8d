import MailModel

/// Whether an export writes passwords. By default it writes `Secret.marker`
/// in their place; the user asks for them with `--include-secrets`.
public enum SecretPolicy: Sendable {
    case redact
    case include

    /// The text a field's value is written as under this policy.
    func text(of field: CanonicalField, in account: MailAccount) -> String {
        let text = field.text(in: account)
        if self == .redact, field.kind == .secret, !text.isEmpty { return Secret.marker }
        return text
    }
}
