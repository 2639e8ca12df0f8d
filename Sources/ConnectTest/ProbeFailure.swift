/// Why a step stopped the test: the status it gives and the detail that
/// says why (never a password).
struct ProbeFailure: Error, Sendable {
    let status: ProbeStatus
    let detail: String

    static func timeout(_ step: String) -> ProbeFailure { ProbeFailure(status: .timeout, detail: "no answer within the timeout at step \(step)") }

    static func protocolError(_ step: String, _ line: String) -> ProbeFailure {
        ProbeFailure(status: .protocolError, detail: "\(step): the server answered '\(line.prefix(200))'")
    }
}
