// libFuzzer target for the mysqldump tokenizer (MySQLDumpReader): any bytes,
// split into chunks at a position the input chooses, must end in rows, a
// DumpError or the end of the dump: never a crash, a hang or unbounded
// memory. Built and run by scripts/fuzz dump (swiftc -sanitize=fuzzer,address).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDumpTokenizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let chunk = Int(data[0]) + 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let reader = MySQLDumpReader(stream: FuzzByteStream(bytes, chunk: chunk), tables: ["emailbackup", "t"])
    var events = 0
    // An odd first byte reads events as the public API gives them; an even
    // one packs the rows of emailbackup into one buffer, as an import does.
    let packing = chunk % 2 == 0
    var packed = PackedDumpValues()
    do {
        while true {
            if packing {
                guard let step = try reader.next(packing: "emailbackup", into: &packed) else { break }
                if case let .packedRow(_, _, values, _) = step {
                    precondition(values.upperBound == packed.values.count, "a packed row that is not the last values")
                    _ = packed.sqlValues(values)
                }
            } else {
                guard try reader.next() != nil else { break }
            }
            events += 1
            // Each event consumes at least one byte: more events than bytes is a loop.
            precondition(events <= bytes.count + 1, "more events than input bytes")
        }
    } catch {
        precondition(error.offset <= bytes.count, "error offset beyond the input")
        precondition(error.line >= 1, "line below 1")
    }
    return 0
}
