/// The studies a program knows (for the CLI, `Studies.all`), with unique names.
public struct StudyCatalog: Sendable {
    /// Every study, in declaration order.
    public let studies: [Study]

    /// A catalog of `studies`; throws when two share a name.
    public init(_ studies: [Study]) throws {
        if let name = StudyNames.duplicates(studies.map(\.name)).first {
            throw StudyError(study: name, problem: .duplicateStudyName)
        }
        self.studies = studies
    }

    /// The studies called `names`, in the catalog's order; when `names` is empty, every study that reports results
    /// (`tuning: false`, what `make reproduce` runs) or every tuning study (`tuning: true`, what `make tune` runs).
    public func select(_ names: [String], tuning: Bool = false) throws -> [Study] {
        for name in names where !studies.contains(where: { $0.name == name }) {
            throw StudyError(study: name, problem: .unknownStudy(known: studies.map(\.name)))
        }
        return names.isEmpty ? studies.filter { $0.isTuning == tuning } : studies.filter { names.contains($0.name) }
    }
}
