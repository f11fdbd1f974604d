/// Why a server step over files could not run; each description is one line naming the file and the problem.
public enum ExchangeError: Error, CustomStringConvertible, Equatable {
    /// `--strategy` names no server step.
    case unknownStrategy(String)
    /// No update files were given.
    case noInputs
    /// `file` lacks a required attribute (or has it with another type).
    case missingAttribute(file: String, name: String, expected: String)
    /// `file`'s task attribute names no task.
    case unknownTask(file: String, task: String)
    /// `file`'s data size is zero or negative.
    case nonPositiveDataSize(file: String, dataSize: Int)
    /// `file` holds no parameter tensors.
    case noTensors(file: String)
    /// `file` claims a client id that `other` already claims.
    case duplicateClient(file: String, client: Int, other: String)
    /// `file` lacks tensor `name` that `reference` holds.
    case missingTensor(file: String, name: String, reference: String)
    /// `file` holds tensor `name` that `reference` lacks.
    case unexpectedTensor(file: String, name: String, reference: String)
    /// `file`'s tensor `name` has `shape` where `reference`'s has `expected`.
    case shapeMismatch(file: String, name: String, shape: [Int], reference: String, expected: [Int])
    /// `file`'s tensor `name` holds a NaN or infinity.
    case nonFinite(file: String, name: String, index: Int, kind: String)
    /// ATA's k is outside 1...clients.
    case invalidTopK(k: Int, clients: Int)
    /// `--top-k` was given to a strategy without neighbours.
    case topKWithoutATA(strategy: String)

    /// One line for the user.
    public var description: String {
        switch self {
        case let .unknownStrategy(name):
            return "unknown strategy '\(name)' (valid: \(ServerStep.names.joined(separator: ", ")))"
        case .noInputs:
            return "no client updates given (--in U1.h5 U2.h5 ...)"
        case let .missingAttribute(file, name, expected):
            return "\(file): missing attribute '\(name)' (\(expected))"
        case let .unknownTask(file, task):
            return "\(file): unknown task '\(task)' (valid: \(TaskNames.all))"
        case let .nonPositiveDataSize(file, dataSize):
            return "\(file): data_size must be positive, got \(dataSize)"
        case let .noTensors(file):
            return "\(file): holds no parameter tensors"
        case let .duplicateClient(file, client, other):
            return "\(file): client \(client) is also the client of \(other)"
        case let .missingTensor(file, name, reference):
            return "\(file): lacks tensor '\(name)' that \(reference) holds"
        case let .unexpectedTensor(file, name, reference):
            return "\(file): holds tensor '\(name)' that \(reference) lacks"
        case let .shapeMismatch(file, name, shape, reference, expected):
            return "\(file): tensor '\(name)' has shape \(shape), in \(reference) it has \(expected)"
        case let .nonFinite(file, name, index, kind):
            return "\(file): tensor '\(name)' holds \(kind) at element \(index)"
        case let .invalidTopK(k, clients):
            return "--top-k \(k) is outside 1...\(clients): there are \(clients) client updates"
        case let .topKWithoutATA(strategy):
            return "--top-k applies to --strategy ata only, not \(strategy)"
        }
    }
}
