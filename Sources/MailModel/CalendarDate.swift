/// A calendar day without time or zone, as ERP systems store "fetch from" dates.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Reads `YYYY-MM-DD`; nil for anything else, including MySQL's `0000-00-00`.
    public init?(iso text: String) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate(isoUTF8: $0) }) else { return nil }
        self = date
    }

    /// Reads `YYYY-MM-DD` given as UTF-8.
    public init?(isoUTF8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`, written straight into the String (ten bytes: a small
    /// string, no allocation; an OpenXE import writes every row's date again
    /// to compare it).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { room in
            var out = ByteWriter(into: room)
            writeISO(to: &out)
            return out.written
        }
    }

    /// Appends `YYYY-MM-DD` as UTF-8.
    public func appendISO(to out: inout [UInt8]) { writeISO(to: &out) }

    /// `appendISO(to:)` into any sink the field table writes to.
    func writeISO<Out: UTF8Sink>(to out: inout Out) {
        func digits(_ n: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8((n / divisor) % 10) + 0x30)
                divisor /= 10
            }
        }
        digits(year, 4)
        out.append(0x2D)
        digits(month, 2)
        out.append(0x2D)
        digits(day, 2)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
