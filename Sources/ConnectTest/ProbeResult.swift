import Foundation

/// What a connect test found for one endpoint (and, with `--login`, one
/// account's login there). Never holds a password.
public struct ProbeResult: Sendable, Equatable {
    public var target: ProbeTarget
    public var status: ProbeStatus
    /// The reason, the step that timed out, or the server's line.
    public var detail: String
    /// The steps done, in order, with their time in milliseconds.
    public var timings: [StepTiming] = []
    public var tlsVersion: String?
    /// NIOSSL does not tell the negotiated cipher; kept for when it does.
    public var tlsCipher: String?
    public var certificateSubject: String?
    public var certificateExpiry: Date?
    public var capabilities: [String] = []
    public var authMechanisms: [String] = []
    /// Certificate checks were off (`--insecure`).
    public var insecure = false
    /// The login step's outcome, when a login was asked for.
    public var login: LoginOutcome?

    public init(target: ProbeTarget, status: ProbeStatus, detail: String) {
        self.target = target
        self.status = status
        self.detail = detail
    }

    /// The outcome of the login step.
    public struct LoginOutcome: Sendable, Equatable {
        public var status: ProbeStatus
        public var detail: String

        public init(status: ProbeStatus, detail: String) {
            self.status = status
            self.detail = detail
        }
    }
}

/// How long one step took.
public struct StepTiming: Sendable, Equatable {
    public var step: String
    public var milliseconds: Double
}
