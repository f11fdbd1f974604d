import CHDF5

/// A failure reading or writing an HDF5 file, with the file, the operation and HDF5's own explanation.
public struct HDF5Error: Error, CustomStringConvertible, Equatable {
    public let path: String
    /// What we were doing ("open", "read dataset 'a/b'", ...).
    public let operation: String
    /// HDF5's error stack, innermost message first, or our own reason.
    public let reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    /// One line for the user.
    public var description: String { "\(path): cannot \(operation): \(reason)" }

    /// An error whose reason is HDF5's current error stack, which is then cleared.
    static func fromStack(path: String, operation: String) -> HDF5Error {
        HDF5Error(path: path, operation: operation, reason: HDF5Library.takeErrorStack())
    }
}

/// Process-wide HDF5 set-up and the error stack.
enum HDF5Library {
    /// Initialises HDF5 once and stops it from printing its error stack itself.
    static let initialised: Bool = {
        H5open()
        pilot_silence_errors()
        return true
    }()

    /// The messages on HDF5's error stack (innermost first), then clears it.
    static func takeErrorStack() -> String {
        final class Collector { var messages: [String] = [] }
        let collector = Collector()
        let walk: H5E_walk2_t = { _, entry, data in
            guard let entry, let data else { return 0 }
            let c = Unmanaged<Collector>.fromOpaque(data).takeUnretainedValue()
            if let desc = entry.pointee.desc { c.messages.append(String(cString: desc)) }
            return 0
        }
        _ = H5Ewalk2(pilot_H5E_DEFAULT(), H5E_WALK_UPWARD, walk, Unmanaged.passUnretained(collector).toOpaque())
        H5Eclear2(pilot_H5E_DEFAULT())
        var seen = Set<String>()
        let text = collector.messages.filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: "; ")
        return text.isEmpty ? "HDF5 reported an error without a message" : text
    }
}
