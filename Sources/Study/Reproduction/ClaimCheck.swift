/// One measurement of a claim: a test on one study's results (a claim about Tables 1 and 2 has one check per table).
public struct ClaimCheck: Hashable, Sendable {
    /// The study whose results it reads.
    public let study: String
    public let test: ClaimTest

    public init(_ study: String, _ test: ClaimTest) {
        self.study = study
        self.test = test
    }
}
