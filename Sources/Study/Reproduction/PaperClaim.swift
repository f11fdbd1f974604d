/// A claim the paper makes from its results, and how we check it on ours.
public struct PaperClaim: Hashable, Sendable {
    /// Its letter in `paper-repro.md`: "a".
    public let id: String
    /// The claim in a few words.
    public let statement: String
    /// The paper's sentence it comes from, verbatim.
    public let quote: String
    /// The checks, one per study that measures it.
    public let checks: [ClaimCheck]

    public init(_ id: String, _ statement: String, quote: String, checks: [ClaimCheck]) {
        self.id = id
        self.statement = statement
        self.quote = quote
        self.checks = checks
    }
}
