// libFuzzer target for the CSV record reader (CSVRecordReader) and its UTF-8
// check: any bytes, split into chunks at a position the input chooses, must
// end in records, malformed records or the end of the file: never a crash or
// a hang. Two oracles: the UTF-8 check agrees with the standard library's on
// the whole input, and every field of every record it passes is UTF-8 (the
// reader checks whole records; a field must never slip through). Built and
// run by scripts/fuzz (swiftc -sanitize=fuzzer,address).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let chunk = Int(data[0]) + 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
    precondition(valid == (String(validating: bytes, as: UTF8.self) != nil), "UTF-8 check disagrees with the standard library")
    let reader = CSVRecordReader(stream: FuzzByteStream(bytes, chunk: chunk), maxRecordBytes: 4096)
    var events = 0
    do {
        while let event = try reader.nextSpans() {
            if case .record = event {
                for index in 0..<reader.fieldCount {
                    precondition(reader.withField(index) { UTF8Validation.isValid($0) }, "a record with a field that is not UTF-8")
                }
            }
            events += 1
            // Each event consumes at least one byte: more events than bytes is a loop.
            precondition(events <= bytes.count + 1, "more events than input bytes")
        }
    } catch {
        // A stream error: the fuzz stream has none, but the reader may report one; nothing to check.
    }
    return 0
}
