/// Why a predictions or references file cannot be scored; `description` is one line naming the file.
public struct ScoreInputError: Error, Equatable, CustomStringConvertible {
    /// What is wrong with the file.
    public enum Problem: Equatable, Sendable {
        /// The file does not exist.
        case notFound
        /// The file exists but cannot be read (the system's reason).
        case unreadable(String)
        /// The bytes are not JSON (the parser's reason).
        case malformedJSON(String)
        /// The JSON is not the expected shape: where, and what was expected there.
        case wrongType(at: String, expected: String)
        /// The file maps no ids at all.
        case empty
        /// These ids (sorted) appear in this file but not in the other one.
        case unmatchedIDs([String], otherFile: String)
        /// This id's list of reference texts is empty.
        case noReferences(id: String)
        /// This id's reference box is not four finite numbers (these are what it has).
        case invalidBox(id: String, values: [Double])
    }

    /// The file, as the user named it.
    public let file: String
    public let problem: Problem

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    /// How many unmatched ids a message lists before summarising the rest.
    static let listedIDLimit = 5

    /// One line (any line breaks in a system reason become spaces): the file, then the problem.
    public var description: String {
        "\(file): " + {
            switch problem {
            case .notFound: return "no such file"
            case .unreadable(let reason): return "cannot be read (\(reason))"
            case .malformedJSON(let reason): return "is not valid JSON (\(reason))"
            case .wrongType(let location, let expected): return "\(location) must be \(expected)"
            case .empty: return "contains no items"
            case .unmatchedIDs(let ids, let otherFile):
                let listed = ids.prefix(Self.listedIDLimit).map { "\"\($0)\"" }.joined(separator: ", ")
                let more = ids.count > Self.listedIDLimit ? " and \(ids.count - Self.listedIDLimit) more" : ""
                return "\(ids.count) id(s) missing from \(otherFile): \(listed)\(more)"
            case .noReferences(let id): return "id \"\(id)\" has an empty list of references"
            case .invalidBox(let id, let values):
                return "box of id \"\(id)\" must be 4 finite numbers [x1, y1, x2, y2], got \(values)"
            }
        }().split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
