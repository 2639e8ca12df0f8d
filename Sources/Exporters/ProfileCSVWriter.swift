import MailModel
import Mappings

/// Writes accounts in a system's CSV layout (a `MappingProfile`), through
/// the same table that reads it. What an account holds that the layout has
/// no column for is handed to `warn` per account, never dropped silently.
/// Secrets follow the policy: `<redacted>` unless asked for.
public final class ProfileCSVWriter: AccountWriter {
    private let sink: ByteSink
    private let codec: ProfileCodec
    private let secrets: SecretPolicy
    private let warn: (String) -> Void
    private let delimiter: UInt8
    private var buffer = TextBuffer()
    private var headerWritten = false

    public init(sink: ByteSink, codec: ProfileCodec, secrets: SecretPolicy, warn: @escaping (String) -> Void) {
        self.sink = sink
        self.codec = codec
        self.secrets = secrets
        self.warn = warn
        delimiter = codec.profile.delimiter.utf8.first ?? UInt8(ascii: ",")
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        if !headerWritten { writeHeader() }
        var account = account
        if secrets == .redact {
            for field in CanonicalField.ordered where field.kind == .secret && !field.text(in: account).isEmpty {
                try? field.assign(Secret.marker, to: &account)
            }
            account.extras = account.extras.map { $0.isSecret && !$0.value.isEmpty ? ExtraField(name: $0.name, value: Secret.marker) : $0 }
        }
        let cells = codec.cells(for: account)
        let lost = codec.lostFields(of: account, cells: cells)
        if !lost.isEmpty {
            warn("\(AccountLabel.of(account)): the \(codec.profile.name) layout has no column for: \(lost.joined(separator: ", "))")
        }
        // One access to the stored buffer per account: Swift checks every
        // access to a class's stored property for exclusivity at run time.
        Self.appendRecord(cells, profile: codec.profile, delimiter: delimiter, to: &buffer)
        try buffer.drain(to: sink)
    }

    public func finish() throws(OutputError) {
        if !headerWritten { writeHeader() }
        try buffer.drain(to: sink)
        try sink.flush()
    }

    private func writeHeader() {
        headerWritten = true
        guard !codec.profile.headerless else { return }
        Self.appendRecord(codec.profile.columns.map(\.header), profile: codec.profile, delimiter: delimiter, to: &buffer)
    }

    private static func appendRecord(_ fields: [String], profile: MappingProfile, delimiter: UInt8, to buffer: inout TextBuffer) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(delimiter) }
            CSVField.append(field.utf8, delimiter: delimiter, to: &buffer.bytes)
        }
        if profile.trailingDelimiter { buffer.append(delimiter) }
        buffer.append(UInt8(ascii: "\n"))
    }
}
