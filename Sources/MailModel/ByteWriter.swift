/// Bytes written into memory reserved for them ahead, for a caller that
/// makes very many small appends: a store row is about 60 of them, and an
/// array's checks on each (is the buffer shared, is there room) cost more
/// than copying the bytes. What does not fit is counted, not written: the
/// caller then makes room for `written + missing` bytes and writes again.
public struct ByteWriter: UTF8Sink {
    private let start: UnsafeMutablePointer<UInt8>
    private var next: UnsafeMutablePointer<UInt8>
    private let end: UnsafeMutablePointer<UInt8>
    /// Bytes that did not fit (0 when all did).
    public private(set) var missing = 0

    /// Writes into `room`, from its first byte.
    public init(into room: UnsafeMutableBufferPointer<UInt8>) {
        start = room.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!
        next = start
        end = start + room.count
    }

    /// Bytes written so far.
    public var written: Int { start.distance(to: next) }

    public mutating func append(_ byte: UInt8) {
        guard next < end, missing == 0 else {
            missing += 1
            return
        }
        next.pointee = byte
        next += 1
    }

    public mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        guard next.distance(to: end) >= bytes.count, missing == 0 else {
            missing += bytes.count
            return
        }
        next.update(from: source, count: bytes.count)
        next += bytes.count
    }
}
