/// Where the dump tokenizer puts the values of a row as it reads them: the
/// bytes of each value are appended to `valueBytes` between `beginValue`
/// and `endValue`. One tokenizer serves both `SQLValueList` (a row as
/// `SQLValue`s, for the public events) and `PackedDumpValues` (many rows in
/// one buffer, for the rows an importer decodes later).
protocol DumpValueSink {
    var valueBytes: [UInt8] { get set }
    mutating func beginValue()
    mutating func endValue(_ kind: DumpValueKind)
}

/// What a value was in the dump.
enum DumpValueKind: UInt8, Sendable {
    case null, number, text, hex

    /// A string or hex literal: bytes that hold anything, to be checked before they are read as text.
    var isBytes: Bool { self == .text || self == .hex }
}
