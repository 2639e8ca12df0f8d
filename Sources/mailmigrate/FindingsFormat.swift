import ArgumentParser

/// How `validate` prints its findings (`FindingsPrinter` writes each).
enum FindingsFormat: String, ExpressibleByArgument, CaseIterable {
    /// Grouped by account, for people; coloured on a terminal unless NO_COLOR is set.
    case text
    /// JSON Lines: one object per finding.
    case json
    /// JUnit XML, one test case per account, for CI systems.
    case junit
}
