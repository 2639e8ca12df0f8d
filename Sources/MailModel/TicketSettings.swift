/// How incoming mail becomes tickets (Xentral/OpenXE "Ticketsystem").
public struct TicketSettings: Sendable, Hashable {
    public var enabled = false
    public var queue: String = ""
    public var project: String = ""
    /// Mark imported tickets as closed ("Ticket als abgeschlossen markieren").
    public var markClosed = false
    /// Always answer from the inbound address ("Ausgehende = eingehende E-Mailadresse").
    public var answerFromInbound = false

    public init() {}
}
