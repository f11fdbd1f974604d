import Foundation

/// A markdown report drawn from every rendered study's results and the plan's facts, written beside the figures by
/// `StudyRenderer` (the paper's reproduction, `paper-repro.md`, is one; the engine itself knows no paper).
public struct ResultsReport: Sendable {
    public let destination: URL
    /// Its text from the results and facts; the same inputs must give the same bytes.
    public let markdown: @Sendable ([StudyResults], ReproductionFacts) -> String

    public init(destination: URL, markdown: @escaping @Sendable ([StudyResults], ReproductionFacts) -> String) {
        self.destination = destination
        self.markdown = markdown
    }
}
