/// Where the field table writes canonical text as UTF-8: an array, or a
/// `ByteWriter`. Both have the two appends the writing code uses.
protocol UTF8Sink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: UTF8Sink where Element == UInt8 {}
