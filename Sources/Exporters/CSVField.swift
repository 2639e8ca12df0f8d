/// One field as the CSV writers write it (RFC 4180): as it is, or between
/// double quotes with its quotes doubled when it holds the delimiter, a
/// quote or a line break, or begins or ends with a space (which readers and
/// spreadsheets may trim). The canonical and the profile layouts quote alike.
enum CSVField {
    static func append<Bytes: BidirectionalCollection<UInt8>>(_ text: Bytes, delimiter: UInt8, to out: inout [UInt8]) {
        let needsQuotes = text.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.first == 0x20 || text.last == 0x20
        guard needsQuotes else {
            out.append(contentsOf: text)
            return
        }
        out.append(0x22)
        for byte in text {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
