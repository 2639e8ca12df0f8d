import MailModel

/// Chooses the profile of a CSV file from its header row: the profile that
/// knows the most header cells wins; canonical CSV (canonical field names)
/// competes too. A tie is an error that asks for `--profile`; a header that
/// fits nothing is an error that lists its unknown columns. A profile the
/// user named is checked against the header too: one that knows none of its
/// columns is the wrong one, and reading on would make every record an empty
/// account.
public enum ProfileDetector {
    public struct Choice: Sendable, Equatable {
        /// nil: canonical CSV.
        public let profile: MappingProfile?
        public let reason: String

        public init(profile: MappingProfile?, reason: String) {
            self.profile = profile
            self.reason = reason
        }
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case ambiguous([String], columns: Int)
        case noMatch(unknown: [String])
        /// The profile asked for knows none of the header's columns; `fits` is
        /// what the header would be read as without `--profile`, if anything.
        case notThisProfile(String, unknown: [String], fits: String?)

        public var description: String {
            switch self {
            case let .ambiguous(names, columns):
                "the header fits the profiles \(names.dropLast().joined(separator: ", ")) and \(names.last ?? "") equally (\(columns) columns each): give --profile"
            case let .noMatch(unknown):
                "the header matches no profile; unknown columns: \(unknown.joined(separator: ", ")) (mailmigrate profiles lists the known ones)"
            case let .notThisProfile(name, unknown, fits):
                "the header has none of profile \(name)'s columns; unknown columns: \(unknown.joined(separator: ", "))"
                    + (fits.map { " (without --profile it would be read as \($0))" } ?? " (mailmigrate profiles lists the known ones)")
            }
        }
    }

    /// The profile the user asked for, if the header has at least one of its
    /// columns; the columns it does not know are named (they become extras).
    public static func check(header: [String], asked profile: MappingProfile, among profiles: [MappingProfile]) -> Result<Choice, Failure> {
        let cells = header.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let unknown = cells.filter { profile.columnIndex(forHeader: $0) == nil }
        guard unknown.count < cells.count || cells.isEmpty else {
            var fits: String?
            if case .success(let other) = choose(header: header, among: profiles) {
                fits = other.profile.map { "profile \($0.name)" } ?? "canonical CSV"
            }
            return .failure(.notThisProfile(profile.name, unknown: unknown, fits: fits))
        }
        var reason = "profile \(profile.name) (as asked"
        reason += unknown.isEmpty ? ")" : "; kept as extras: \(unknown.joined(separator: ", ")))"
        return .success(Choice(profile: profile, reason: reason))
    }

    public static func choose(header: [String], among profiles: [MappingProfile]) -> Result<Choice, Failure> {
        let cells = header.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let canonical = cells.filter { CanonicalField(rawValue: $0) != nil }.count
        var scores: [(profile: MappingProfile, known: Int)] = []
        for profile in profiles where !profile.headerless {
            let known = cells.filter { profile.columnIndex(forHeader: $0) != nil }.count
            scores.append((profile, known))
        }
        let best = scores.map(\.known).max() ?? 0
        if canonical > 0 && canonical >= best {
            return .success(Choice(profile: nil, reason: "canonical CSV: \(canonical) of \(cells.count) columns are canonical field names"))
        }
        guard best >= 2 || (best >= 1 && best == cells.count) else {
            if cells.count >= 6, let imapsync = profiles.first(where: { $0.name == "imapsync" }), cells[0].contains(".") {
                return .success(Choice(profile: imapsync, reason: "imapsync: no header row, lines of host;user;password"))
            }
            return .failure(.noMatch(unknown: cells))
        }
        let winners = scores.filter { $0.known == best }
        guard winners.count == 1, let winner = winners.first else {
            return .failure(.ambiguous(winners.map(\.profile.name), columns: best))
        }
        let unknown = cells.filter { winner.profile.columnIndex(forHeader: $0) == nil }
        var reason = "profile \(winner.profile.name): \(best) of \(cells.count) columns known"
        if !unknown.isEmpty { reason += " (kept as extras: \(unknown.joined(separator: ", ")))" }
        return .success(Choice(profile: winner.profile, reason: reason))
    }
}
